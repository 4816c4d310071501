/**
 * The query parameters of every `/api/search/{list}` (issue 5): paging (R1), the multi-select
 * filters (R6), the extended filters (R8, D13), the sort and `order`. Which values a list accepts
 * (its statuses, case types, sort columns) the engine checks against the list's definition.
 */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { SCHEME_CODES, Scheme } from '../../src/registries/schemes';
import { SUPPLEMENTARY_GRANT_TYPES } from '../../src/registries/supplementary-grant-types';
import { IsExistingCalendarDate } from '../../src/platform/validation/calendar-date';
import { IsIdentifier } from '../../src/platform/validation/identifiers';
import { MultiValue, PageQueryDto } from '../shared/page-query.dto';
import { SortOrder } from './search-query';

const SUPPLEMENTARY_VALUES = [...Object.keys(SUPPLEMENTARY_GRANT_TYPES), 'none'];
const CODE = /^[a-z][a-z-]{0,39}$/;

export class SearchQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  override pageSize: number = 50;

  @ApiPropertyOptional({ isArray: true, type: String }) @IsOptional() @MultiValue() @IsIdentifier('jobcentre', { each: true })
  jobcentre?: string[];

  @ApiPropertyOptional({ isArray: true, type: String }) @IsOptional() @MultiValue() @Matches(/^\S{1,100}$/, { each: true, message: 'responsibleCaseworker must be user ids (1–100 characters, no spaces)' })
  responsibleCaseworker?: string[];

  @ApiPropertyOptional({ isArray: true, type: String }) @IsOptional() @MultiValue() @IsIdentifier('cvr', { each: true })
  cvr?: string[];

  @ApiPropertyOptional({ isArray: true, type: String }) @IsOptional() @MultiValue() @IsIdentifier('pNumber', { each: true })
  pNumber?: string[];

  @ApiPropertyOptional({ isArray: true, type: String }) @IsOptional() @MultiValue() @IsIdentifier('cpr', { each: true })
  cpr?: string[];

  @ApiPropertyOptional({ description: 'Period overlap: the period ends on or after this date (YYYY-MM-DD)' })
  @IsOptional() @IsExistingCalendarDate()
  periodFrom?: string;

  @ApiPropertyOptional({ description: 'Period overlap: the period starts on or before this date (YYYY-MM-DD)' })
  @IsOptional() @IsExistingCalendarDate()
  periodTo?: string;

  @ApiPropertyOptional({ description: "'Timetal' at least (D13: compensating schemes never match)" })
  @IsOptional() @Type(() => Number) @IsNumber() @Min(0) @Max(168)
  hoursMin?: number;

  @ApiPropertyOptional({ description: "'Timetal' at most (D13: compensating schemes never match)" })
  @IsOptional() @Type(() => Number) @IsNumber() @Min(0) @Max(168)
  hoursMax?: number;

  @ApiPropertyOptional({ description: "'Navn': part of the citizen's name, any case (an AA's matches only citizens assigned to it, R13)" })
  @IsOptional() @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({ enum: SCHEME_CODES, isArray: true, description: "'Ordning', multi-select (R2, R6); none given: every scheme (R5); a supplementary grant by its parent's scheme (R3)" })
  @IsOptional() @MultiValue() @IsIn(SCHEME_CODES, { each: true })
  scheme?: Scheme[];

  @ApiPropertyOptional({ isArray: true, type: String, description: "'Status', multi-select (R6): the list's own status codes (R9; R18: never closed-unused)" })
  @IsOptional() @MultiValue() @Matches(CODE, { each: true, message: 'status must be status codes (lower-case letters and hyphens)' })
  status?: string[];

  @ApiPropertyOptional({ isArray: true, type: String, description: "The case types of a list that mixes them ('Ansøgninger og tilbud': application, offer)" })
  @IsOptional() @MultiValue() @Matches(CODE, { each: true, message: 'caseType must be case type codes (lower-case letters and hyphens)' })
  caseType?: string[];

  @ApiPropertyOptional({ enum: SUPPLEMENTARY_VALUES, isArray: true, description: "'Tillægsbevilling' on 'Bevillinger' (R17); `none` for plain grants" })
  @IsOptional() @MultiValue() @IsIn(SUPPLEMENTARY_VALUES, { each: true })
  supplementaryGrantType?: string[];

  @ApiPropertyOptional({ type: Boolean, description: "'Tilbud': offers whose grants have all ceased (true) or not (false); the offer bubble uses false (R25)" })
  @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean()
  ceased?: boolean;

  @ApiPropertyOptional({ description: "A column key of the list (its `sort` values are in its description); a company may not sort by 'approvedDate' (R10)" })
  @IsOptional() @Matches(/^[a-zA-Z]{1,40}$/, { message: 'sort must be a column key (1–40 letters)' })
  sort?: string;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], description: 'Default: the list\'s default order for its default sort, asc for a chosen column' })
  @IsOptional() @IsIn(['asc', 'desc'])
  order?: SortOrder;
}
