import { isISO8601, ValidateBy, ValidationOptions } from 'class-validator';

/** An instant: a date, a time and a UTC offset (a local time without one would be a guess). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** Whether `value` is an ISO 8601 instant with an offset that names a real moment (no 30 February). */
export function isInstant(value: unknown): value is string {
  // isISO8601 strict refuses 30 February, which Date would silently roll into March.
  return typeof value === 'string' && INSTANT.test(value) && isISO8601(value, { strict: true }) && !Number.isNaN(Date.parse(value));
}

/** A DTO field (body or query) holding an instant; otherwise a 400 naming the field, rule `instant`. */
export function IsInstant(options: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy(
    {
      name: 'instant',
      validator: {
        validate: isInstant,
        defaultMessage: (args) => `${args?.property ?? 'the value'} must be an ISO 8601 instant with a UTC offset, e.g. 2026-03-01T08:00:00Z`,
      },
    },
    options,
  );
}
