import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DEFAULT_HISTORY_LIMIT, MAX_HISTORY_LIMIT } from './case-history';

/** `GET /api/{type}/{id}/history?cursor=&limit=`. */
export class CaseHistoryQueryDto {
  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page (opaque); leave out to start from the first event' })
  @IsOptional() @IsString() @MaxLength(120)
  cursor?: string;

  @ApiPropertyOptional({ default: DEFAULT_HISTORY_LIMIT, minimum: 1, maximum: MAX_HISTORY_LIMIT, description: 'Entries per page' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_HISTORY_LIMIT)
  limit: number = DEFAULT_HISTORY_LIMIT;
}
