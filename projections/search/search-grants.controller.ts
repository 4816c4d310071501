import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, Matches, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { CurrentPrincipal } from '../../src/platform/auth/current-principal.decorator';
import { Principal } from '../../src/platform/auth/principal';
import { SCHEME_CODES, Scheme } from '../../src/registries/schemes';
import { MultiValue, PageQueryDto } from '../shared/page-query.dto';
import { SortOrder } from './search-query';
import {
  SEARCH_GRANT_SORT_KEYS, SEARCH_GRANT_STATUSES, SEARCH_SUPPLEMENTARY_TYPES, SearchGrantSort, SearchGrantStatus, SearchSupplementaryType, searchGrants,
} from './search-grants.query';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class SearchGrantsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  override pageSize: number = 50;

  @ApiPropertyOptional({ enum: SCHEME_CODES, isArray: true, description: "'Ordning', multi-select (R2, R6); a supplementary grant by its parent's scheme (R3)" })
  @IsOptional() @MultiValue() @IsIn(SCHEME_CODES, { each: true })
  scheme?: Scheme[];

  @ApiPropertyOptional({ enum: SEARCH_SUPPLEMENTARY_TYPES, isArray: true, description: "'Tillægsbevilling' (R17); `none` for plain grants" })
  @IsOptional() @MultiValue() @IsIn(SEARCH_SUPPLEMENTARY_TYPES, { each: true })
  supplementaryGrantType?: SearchSupplementaryType[];

  @ApiPropertyOptional({ enum: SEARCH_GRANT_STATUSES, isArray: true, description: "'Status', multi-select (R6); 'closed-unused' is no value (D7, R18)" })
  @IsOptional() @MultiValue() @IsIn(SEARCH_GRANT_STATUSES, { each: true })
  status?: SearchGrantStatus[];

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

  @ApiPropertyOptional({ enum: SEARCH_GRANT_SORT_KEYS, default: 'createdAt' })
  @IsOptional() @IsIn(SEARCH_GRANT_SORT_KEYS)
  sort?: SearchGrantSort;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], description: 'Default: desc for the default sort (newest first), asc for a chosen column' })
  @IsOptional() @IsIn(['asc', 'desc'])
  order?: SortOrder;
}

/** 'Bevillinger' (issue 5): grants and supplementary grants together on the search read model `search_cases` (R16, D10). */
@ApiTags('search')
@ApiBearerAuth()
@Controller('api/search/grants')
export class SearchGrantsController {
  constructor(private readonly db: DataSource) {}

  @Get()
  @ApiOperation({ summary: "'Bevillinger': grants and supplementary grants visible to the caller, filtered, sorted and paged with totalCount (R1, R6, R16, R17; D7, D13)" })
  list(@Query() query: SearchGrantsQueryDto, @CurrentPrincipal() principal: Principal) {
    return searchGrants(this.db, principal, query);
  }
}
