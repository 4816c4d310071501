import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsIdentifier } from '../../platform/validation/identifiers';

/** R59: up to 500 per page, so a company with hundreds of P-units pages in a few steps. */
export const MAX_PAGE_SIZE = 500;

export class SearchPageDto {
  @ApiPropertyOptional({ description: 'Case-insensitive search text', maxLength: 200 })
  @IsOptional() @IsString() @MaxLength(200)
  query?: string;

  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: 1_000_000 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1_000_000)
  page: number = 1;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: MAX_PAGE_SIZE })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE_SIZE)
  pageSize: number = 50;
}

export class CvrParamDto {
  @IsIdentifier('cvr')
  cvr: string;
}

export class CprParamDto {
  @IsIdentifier('cpr')
  cpr: string;
}
