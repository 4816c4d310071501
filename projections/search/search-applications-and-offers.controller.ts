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
  ApplicationOrOffer, SEARCH_APPLICATION_OFFER_SORT_KEYS, SEARCH_APPLICATION_OFFER_STATUSES, SEARCH_CASE_TYPES, SearchApplicationOfferSort, SearchApplicationOfferStatus,
  searchApplicationsAndOffers,
} from './search-applications-and-offers.query';

export class SearchApplicationsAndOffersQueryDto extends SearchQueryDto {
  @ApiPropertyOptional({ enum: SEARCH_CASE_TYPES, isArray: true, description: 'Applications, offers or both (the default)' })
  @IsOptional() @MultiValue() @IsIn(SEARCH_CASE_TYPES, { each: true })
  caseType?: ApplicationOrOffer[];

  @ApiPropertyOptional({ enum: SCHEME_CODES, isArray: true, description: "'Ordning', multi-select (R2, R6); none given: every scheme (R5)" })
  @IsOptional() @MultiValue() @IsIn(SCHEME_CODES, { each: true })
  scheme?: Scheme[];

  @ApiPropertyOptional({ enum: SEARCH_APPLICATION_OFFER_STATUSES, isArray: true, description: "'Status', multi-select (R6), the representative statuses included (R9)" })
  @IsOptional() @MultiValue() @IsIn(SEARCH_APPLICATION_OFFER_STATUSES, { each: true })
  status?: SearchApplicationOfferStatus[];

  @ApiPropertyOptional({ enum: SEARCH_APPLICATION_OFFER_SORT_KEYS, default: 'createdAt', description: "A company may not sort by 'approvedDate' (R10)" })
  @IsOptional() @IsIn(SEARCH_APPLICATION_OFFER_SORT_KEYS)
  sort?: SearchApplicationOfferSort;
}

/** 'Søg' › 'Ansøgninger og tilbud' (issue 5) on the search read model `search_cases`. */
@ApiTags('search')
@ApiBearerAuth()
@Controller('api/search/applications-and-offers')
export class SearchApplicationsAndOffersController {
  constructor(private readonly db: DataSource) {}

  @Get()
  @ApiOperation({ summary: "'Ansøgninger og tilbud': applications and offers visible to the caller, every scheme by default, filtered, sorted and paged with totalCount (R1, R4–R6, R9, R10, R15)" })
  list(@Query() query: SearchApplicationsAndOffersQueryDto, @CurrentPrincipal() principal: Principal) {
    return searchApplicationsAndOffers(this.db, principal, query);
  }
}
