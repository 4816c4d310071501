import { Injectable, PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { ProblemError, ProblemFieldError } from '../../platform/http/problems';
import { AssignmentRecordDto, RecordAssignmentsDto } from './record-assignments.dto';

/** A bad file can have an error in every record; the answer lists the first ones and the count. */
const MAX_REPORTED_ERRORS = 100;

/**
 * Validates the import body with its DTOs, naming each bad value as `records[3].cpr` (the
 * global pipe would say `records.3.cpr`), and refuses a CPR given twice. It runs on a body
 * the global pipe passes through untouched (the parameter is typed by an interface).
 */
@Injectable()
export class RecordAssignmentsPipe implements PipeTransform<unknown, RecordAssignmentsDto> {
  transform(body: unknown): RecordAssignmentsDto {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw invalid([{ field: 'body', rule: 'isObject', message: 'body: must be an object { "records": [ … ] }' }]);
    }
    // `@ValidateNested` walks an array inside `records` instead of refusing it: `[[]]` reached the handler (issue 10).
    const records = (body as { records?: unknown }).records;
    const nested = Array.isArray(records) ? records.findIndex((r) => Array.isArray(r)) : -1;
    if (nested >= 0) throw invalid([{ field: `records[${nested}]`, rule: 'isObject', message: `records[${nested}]: must be an assignment record object` }]);
    const dto = plainToInstance(RecordAssignmentsDto, body);
    const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true, validationError: { target: false, value: false } });
    if (errors.length) throw invalid(flatten(errors));
    const duplicates = duplicateCprs(dto.records);
    if (duplicates.length) throw invalid(duplicates);
    // One spelling per instant in the events, whatever offset DFDG wrote.
    dto.records.forEach((r) => (r.effectiveAt = new Date(r.effectiveAt).toISOString()));
    return dto;
  }
}

function invalid(errors: ProblemFieldError[]): ProblemError {
  const [first] = errors;
  const detail = `${errors.length} invalid value${errors.length === 1 ? '' : 's'}; nothing was recorded. ${first.message}`;
  return new ProblemError('validation', detail, first.rule, first.field, { errorCount: errors.length }, errors.slice(0, MAX_REPORTED_ERRORS));
}

/** `records[3].cpr`: array elements by index in brackets, properties after a dot. */
function flatten(errors: ValidationError[], parent = ''): ProblemFieldError[] {
  return errors.flatMap((e) => {
    const field = /^\d+$/.test(e.property) && parent ? `${parent}[${e.property}]` : parent ? `${parent}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([rule, message]): ProblemFieldError => {
      if (rule === 'whitelistValidation') return { field, rule: 'unknown-field', message: `${field}: is not a known field` };
      if (rule === 'nestedValidation') return { field, rule: 'isObject', message: `${field}: must be an assignment record object` };
      return { field, rule, message: `${field}: ${message}` };
    });
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** A CPR twice in one request is ambiguous (which record wins?), so it is refused rather than guessed. */
function duplicateCprs(records: AssignmentRecordDto[]): ProblemFieldError[] {
  const firstAt = new Map<string, number>();
  return records.flatMap((r, i) => {
    const seen = firstAt.get(r.cpr);
    if (seen === undefined) {
      firstAt.set(r.cpr, i);
      return [];
    }
    const field = `records[${i}].cpr`;
    // The field names both records; the CPR itself never goes into a problem (issue 10).
    return [{ field, rule: 'duplicate', message: `${field}: the same CPR as records[${seen}].cpr` }];
  });
}
