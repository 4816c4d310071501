import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** `page` and `pageSize` of every list (R1); list DTOs extend it with their filters. */
export class PageQueryDto {
  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: 1_000_000 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1_000_000)
  page: number = 1;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  pageSize: number = 50;
}

/** A multi-select query parameter: repeated (`?status=a&status=b`) or comma-separated (`?status=a,b`). */
export const MultiValue = () => Transform(({ value }) => (Array.isArray(value) ? value : String(value).split(',')));
