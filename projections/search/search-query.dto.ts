/** The query parameters every `/api/search/…` list shares (issue 5): paging (R1), the extended filters (R8, D13) and `order`. */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, Matches, Max, Min } from 'class-validator';
import { MultiValue, PageQueryDto } from '../shared/page-query.dto';
import { SortOrder } from './search-query';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class SearchQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  override pageSize: number = 50;

  @ApiPropertyOptional({ isArray: true, type: String }) @IsOptional() @MultiValue() @Matches(/^\d{3}$/, { each: true })
  jobcentre?: string[];

  @ApiPropertyOptional({ isArray: true, type: String }) @IsOptional() @MultiValue() @Matches(/^\S{1,100}$/, { each: true })
  responsibleCaseworker?: string[];

  @ApiPropertyOptional({ isArray: true, type: String }) @IsOptional() @MultiValue() @Matches(/^\d{8}$/, { each: true })
  cvr?: string[];

  @ApiPropertyOptional({ isArray: true, type: String }) @IsOptional() @MultiValue() @Matches(/^\d{10}$/, { each: true })
  pNumber?: string[];

  @ApiPropertyOptional({ isArray: true, type: String }) @IsOptional() @MultiValue() @Matches(/^\d{10}$/, { each: true })
  cpr?: string[];

  @ApiPropertyOptional({ description: 'Period overlap: the period ends on or after this date (YYYY-MM-DD)' })
  @IsOptional() @Matches(DATE)
  periodFrom?: string;

  @ApiPropertyOptional({ description: 'Period overlap: the period starts on or before this date (YYYY-MM-DD)' })
  @IsOptional() @Matches(DATE)
  periodTo?: string;

  @ApiPropertyOptional({ description: "'Timetal' at least (D13: compensating schemes never match)" })
  @IsOptional() @Type(() => Number) @IsNumber() @Min(0) @Max(168)
  hoursMin?: number;

  @ApiPropertyOptional({ description: "'Timetal' at most (D13: compensating schemes never match)" })
  @IsOptional() @Type(() => Number) @IsNumber() @Min(0) @Max(168)
  hoursMax?: number;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], description: 'Default: desc for the default sort (newest first), asc for a chosen column' })
  @IsOptional() @IsIn(['asc', 'desc'])
  order?: SortOrder;
}
