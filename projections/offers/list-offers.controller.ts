import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DataSource } from 'typeorm';
import { CurrentPrincipal } from '../../src/platform/auth/current-principal.decorator';
import { Principal } from '../../src/platform/auth/principal';
import { SCHEME_CODES, Scheme } from '../../src/registries/schemes';
import { OFFER_STATUS_CODES, OfferStatus } from '../../src/registries/statuses';
import { MultiValue, PageQueryDto } from '../shared/page-query.dto';
import { listOffers } from './list-offers.query';

export class ListOffersDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: OFFER_STATUS_CODES, isArray: true, description: 'Multi-select; repeat or comma-separate' })
  @IsOptional() @MultiValue() @IsIn(OFFER_STATUS_CODES, { each: true })
  status?: OfferStatus[];

  @ApiPropertyOptional({ enum: SCHEME_CODES, isArray: true, description: "'Ordning', multi-select (R6)" })
  @IsOptional() @MultiValue() @IsIn(SCHEME_CODES, { each: true })
  scheme?: Scheme[];
}

/** The offers list ('Tilbud', R14), served from the `offers` read model (eventually consistent). */
@ApiTags('offers')
@ApiBearerAuth()
@Controller('api/offers')
export class ListOffersController {
  constructor(private readonly db: DataSource) {}

  @Get()
  // D10: the screens' lists run on the search read model; this plain collection stays for integrations, deprecated.
  @Header('Deprecation', 'true')
  @Header('Link', '</api/search/offers>; rel="successor-version"')
  @ApiOperation({ deprecated: true, summary: "Offers visible to the caller, newest first, with totalCount (R1) and the 'Annulleret af virksomhed' flag (R15)" })
  list(@Query() query: ListOffersDto, @CurrentPrincipal() principal: Principal) {
    return listOffers(this.db, principal, query);
  }
}
