import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsExistingCalendarDate } from '../../platform/validation/calendar-date';

/** A DTO field holding a calendar date `YYYY-MM-DD` that exists (no 2026-02-30); otherwise a 400 naming the field. */
export function IsCalendarDate(description: string, options: { optional?: boolean } = {}): PropertyDecorator {
  const doc = { example: '2027-01-31', format: 'date', description };
  return applyDecorators(
    ...(options.optional ? [ApiPropertyOptional(doc), IsOptional()] : [ApiProperty(doc)]),
    IsExistingCalendarDate(),
  );
}

/** The calendar day after `date` (`YYYY-MM-DD`). */
export function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
