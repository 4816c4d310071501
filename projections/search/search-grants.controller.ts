import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DataSource } from 'typeorm';
import { CurrentPrincipal } from '../../src/platform/auth/current-principal.decorator';
import { Principal } from '../../src/platform/auth/principal';
import { SCHEME_CODES, Scheme } from '../../src/registries/schemes';
import { MultiValue } from '../shared/page-query.dto';
import { SearchQueryDto } from './search-query.dto';
import {
  SEARCH_GRANT_SORT_KEYS, SEARCH_GRANT_STATUSES, SEARCH_SUPPLEMENTARY_TYPES, SearchGrantSort, SearchGrantStatus, SearchSupplementaryType, searchGrants,
} from './search-grants.query';

export class SearchGrantsQueryDto extends SearchQueryDto {
  @ApiPropertyOptional({ enum: SCHEME_CODES, isArray: true, description: "'Ordning', multi-select (R2, R6); a supplementary grant by its parent's scheme (R3)" })
  @IsOptional() @MultiValue() @IsIn(SCHEME_CODES, { each: true })
  scheme?: Scheme[];

  @ApiPropertyOptional({ enum: SEARCH_SUPPLEMENTARY_TYPES, isArray: true, description: "'Tillægsbevilling' (R17); `none` for plain grants" })
  @IsOptional() @MultiValue() @IsIn(SEARCH_SUPPLEMENTARY_TYPES, { each: true })
  supplementaryGrantType?: SearchSupplementaryType[];

  @ApiPropertyOptional({ enum: SEARCH_GRANT_STATUSES, isArray: true, description: "'Status', multi-select (R6); 'closed-unused' is no value (D7, R18)" })
  @IsOptional() @MultiValue() @IsIn(SEARCH_GRANT_STATUSES, { each: true })
  status?: SearchGrantStatus[];

  @ApiPropertyOptional({ enum: SEARCH_GRANT_SORT_KEYS, default: 'createdAt' })
  @IsOptional() @IsIn(SEARCH_GRANT_SORT_KEYS)
  sort?: SearchGrantSort;
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
