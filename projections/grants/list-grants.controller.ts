import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DataSource } from 'typeorm';
import { CurrentPrincipal } from '../../src/platform/auth/current-principal.decorator';
import { Principal } from '../../src/platform/auth/principal';
import { SCHEME_CODES, Scheme } from '../../src/registries/schemes';
import { GRANT_STATUS_CODES, GrantStatus } from '../../src/registries/statuses';
import { MultiValue, PageQueryDto } from '../shared/page-query.dto';
import { listGrants } from './list-grants.query';

/** R18: 'Lukket bevilling (ej brugt)' is not a filter value. */
const LISTED_STATUSES = GRANT_STATUS_CODES.filter((s) => s !== 'closed-unused');

export class ListGrantsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: LISTED_STATUSES, isArray: true, description: 'Multi-select (R6); repeat or comma-separate' })
  @IsOptional()
  @MultiValue()
  @IsIn(LISTED_STATUSES, { each: true })
  status?: GrantStatus[];

  @ApiPropertyOptional({ enum: SCHEME_CODES, isArray: true, description: "'Ordning', multi-select (R6)" })
  @IsOptional()
  @MultiValue()
  @IsIn(SCHEME_CODES, { each: true })
  scheme?: Scheme[];
}

/** The grants list, served from the `grants` read model (eventually consistent). */
@ApiTags('grants')
@ApiBearerAuth()
@Controller('api/grants')
export class ListGrantsController {
  constructor(private readonly db: DataSource) {}

  @Get()
  // D10: the screens' lists run on the search read model; this plain collection stays for integrations, deprecated.
  @Header('Deprecation', 'true')
  @Header('Link', '</api/search/grants>; rel="successor-version"')
  @ApiOperation({ deprecated: true, summary: 'Grants visible to the caller, newest first, with totalCount (R1); closed-unused ones are left out (D7, R18)' })
  list(@Query() query: ListGrantsDto, @CurrentPrincipal() principal: Principal) {
    return listGrants(this.db, principal, query);
  }
}
