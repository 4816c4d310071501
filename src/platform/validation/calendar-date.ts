import { ValidateBy, ValidationOptions } from 'class-validator';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is `YYYY-MM-DD` naming a day that exists: no 2026-02-30, no 2026-02-29, no month 13. */
export function isCalendarDate(value: unknown): value is string {
  const m = typeof value === 'string' ? DATE_ONLY.exec(value) : null;
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date rolls an impossible day into the next month; a round trip shows it.
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A calendar date field (body or query); the rule in the problem is `calendar-date`. */
export function IsExistingCalendarDate(options: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy(
    {
      name: 'calendar-date',
      validator: {
        validate: isCalendarDate,
        defaultMessage: (args) => `${args?.property ?? 'the value'} must be a date that exists, as YYYY-MM-DD`,
      },
    },
    options,
  );
}
