import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ProblemError, ProblemFieldError } from './problems';

function flatten(errors: ValidationError[], prefix = ''): ProblemFieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([rule, message]) => ({
      field,
      rule: rule === 'whitelistValidation' ? 'unknown-field' : rule,
      message: rule === 'whitelistValidation' ? `${field} is not a known field` : message,
    }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Unknown fields and wrong types are 400s that list every offending field with its rule. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      const first = fields[0];
      return new ProblemError('validation', fields.map((f) => f.message).join('; '), first?.rule ?? 'validation', first?.field, {}, fields);
    },
  });
}
