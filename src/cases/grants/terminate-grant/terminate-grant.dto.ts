import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Reason ids are small registry keys; a bound keeps 2^60 from reaching a lookup as a number. */
const MAX_REASON_ID = 9_999;
import { IsCalendarDate } from '../../shared/calendar-date';

/**
 * A cessation ('Ophør'): the VITAS reason, keyed with the grant's scheme (D1). R43: there is no
 * DFDG code field; codes 14 and 15 follow from events, and no reason has id 14 or 15.
 */
export class TerminateGrantDto {
  @ApiProperty({ example: 3, description: "VITAS reason id ('ophørsårsag') of the grant's scheme" })
  @IsInt()
  @Min(0)
  @Max(MAX_REASON_ID)
  reasonId: number;

  @ApiPropertyOptional({ nullable: true, example: null, description: "Sub-reason ('undervalg'); required under 'Den ansatte er ophørt før tid' for VP and LT (D1)" })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_REASON_ID)
  subReasonId?: number | null;

  @IsCalendarDate('The day the grant ceases; not after its end date')
  effectiveDate: string;
}
