import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { IsCalendarDate } from '../../shared/calendar-date';

export class ExtendGrantDto {
  @IsCalendarDate('The new last day of the grant; after the current one')
  newEndDate: string;

  @ApiPropertyOptional({ nullable: true, description: "A new 'Jobindhold'; for VP and LT it (or the current one) must be at most 2,000 characters, even on old grants (R30)" })
  @IsOptional()
  @IsString()
  jobContent?: string | null;
}
