import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DataSource } from 'typeorm';
import { CurrentPrincipal } from '../../src/platform/auth/current-principal.decorator';
import { Principal } from '../../src/platform/auth/principal';
import { IguAgreementStatus } from '../../src/registries/statuses';
import { MultiValue } from '../shared/page-query.dto';
import { SearchQueryDto } from './search-query.dto';
import { SEARCH_IGU_SORT_KEYS, SEARCH_IGU_STATUSES, SearchIguSort, searchIguAgreements } from './search-igu-agreements.query';

export class SearchIguAgreementsQueryDto extends SearchQueryDto {
  @ApiPropertyOptional({ enum: SEARCH_IGU_STATUSES, isArray: true, description: "'Status', multi-select (R6)" })
  @IsOptional() @MultiValue() @IsIn(SEARCH_IGU_STATUSES, { each: true })
  status?: IguAgreementStatus[];

  @ApiPropertyOptional({ enum: SEARCH_IGU_SORT_KEYS, default: 'createdAt' })
  @IsOptional() @IsIn(SEARCH_IGU_SORT_KEYS)
  sort?: SearchIguSort;
}

/** 'Søg' › 'IGU-aftaler' (issue 5; R4: companies see this tab too) on the search read model `search_cases`. */
@ApiTags('search')
@ApiBearerAuth()
@Controller('api/search/igu-agreements')
export class SearchIguAgreementsController {
  constructor(private readonly db: DataSource) {}

  @Get()
  @ApiOperation({ summary: "'IGU-aftaler': IGU agreements visible to the caller, filtered, sorted and paged with totalCount (R1, R4, R6)" })
  list(@Query() query: SearchIguAgreementsQueryDto, @CurrentPrincipal() principal: Principal) {
    return searchIguAgreements(this.db, principal, query);
  }
}
