import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DataSource } from 'typeorm';
import { CurrentPrincipal } from '../../src/platform/auth/current-principal.decorator';
import { Principal } from '../../src/platform/auth/principal';
import { SCHEME_CODES, Scheme } from '../../src/registries/schemes';
import { SUPPLEMENTARY_GRANT_TYPE_CODES, SupplementaryGrantType } from '../../src/registries/supplementary-grant-types';
import { MultiValue, PageQueryDto } from '../shared/page-query.dto';
import { LISTED_STATUSES, ListedStatus, listSupplementaryGrants } from './list-supplementary-grants.query';

export class ListSupplementaryGrantsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: LISTED_STATUSES, isArray: true, description: "Multi-select (R6); 'closed-unused' is no filter value (D7)" })
  @IsOptional() @MultiValue() @IsIn(LISTED_STATUSES, { each: true })
  status?: ListedStatus[];

  @ApiPropertyOptional({ enum: SUPPLEMENTARY_GRANT_TYPE_CODES, isArray: true, description: "'Tillægsbevilling': 'Mentor', 'Hjælpemidler' (R17)" })
  @IsOptional() @MultiValue() @IsIn(SUPPLEMENTARY_GRANT_TYPE_CODES, { each: true })
  type?: SupplementaryGrantType[];

  @ApiPropertyOptional({ enum: SCHEME_CODES, isArray: true, description: "'Ordning' of the parent grant (R2, R3)" })
  @IsOptional() @MultiValue() @IsIn(SCHEME_CODES, { each: true })
  scheme?: Scheme[];
}

/** Supplementary grants, served from the `supplementary_grants` read model (eventually consistent). */
@ApiTags('supplementary-grants')
@ApiBearerAuth()
@Controller('api/supplementary-grants')
export class ListSupplementaryGrantsController {
  constructor(private readonly db: DataSource) {}

  @Get()
  // D10: the screens' lists run on the search read model; this plain collection stays for integrations, deprecated.
  @Header('Deprecation', 'true')
  @Header('Link', '</api/search/grants?supplementaryGrantType=mentor,assistive-aids>; rel="successor-version"')
  @ApiOperation({ deprecated: true, summary: "Supplementary grants visible to the caller, newest first, with totalCount (R1); never those 'Lukket bevilling (ej brugt)' (D7)" })
  list(@Query() query: ListSupplementaryGrantsDto, @CurrentPrincipal() principal: Principal) {
    return listSupplementaryGrants(this.db, principal, query);
  }
}
