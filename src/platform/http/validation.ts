import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ProblemError, ProblemFieldError } from './problems';

/** Constraints that already say what is wrong with a nested object; `nestedValidation` would repeat it. */
const SAYS_NESTED = ['isObject', 'isDefined'];

/** class-validator's default for a pattern quotes the regular expression; a refusal says it in words (issue 10). */
function inWords(rule: string, field: string, message: string): string {
  return rule === 'matches' && /regular expression/.test(message) ? `${field} is not in the expected format` : message;
}

/** Constraints on a value's kind. When one fails, a range or a pattern says nothing about the value: only the kind is named. */
const KIND_RULES = ['isDefined', 'isInt', 'isNumber', 'isString', 'isBoolean', 'isArray', 'isObject'];

function flatten(errors: ValidationError[], prefix = ''): ProblemFieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const all = Object.entries(e.constraints ?? {});
    const wrongKind = all.filter(([rule]) => KIND_RULES.includes(rule));
    // A wrong kind ("x" for an integer) is said as the kind expected ("must be an integer"), not as a range.
    const constraints = wrongKind.length ? wrongKind : all;
    const own = constraints
      .filter(([rule]) => !(rule === 'nestedValidation' && constraints.some(([other]) => SAYS_NESTED.includes(other))))
      .map(([rule, message]) => ({
        field,
        rule: rule === 'whitelistValidation' ? 'unknown-field' : rule,
        message: rule === 'whitelistValidation' ? `${field} is not a known field` : inWords(rule, field, message),
      }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Unknown fields and wrong types are 400s that list every offending field with its rule. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      const first = fields[0];
      return new ProblemError('validation', fields.map((f) => f.message).join('; '), first?.rule ?? 'validation', first?.field, {}, fields);
    },
  });
}
