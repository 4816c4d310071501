import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DataSource } from 'typeorm';
import { CurrentPrincipal } from '../../src/platform/auth/current-principal.decorator';
import { Principal } from '../../src/platform/auth/principal';
import { IGU_AGREEMENT_STATUS_CODES, IguAgreementStatus } from '../../src/registries/statuses';
import { MultiValue, PageQueryDto } from '../shared/page-query.dto';
import { listIguAgreements } from './list-igu-agreements.query';

export class ListIguAgreementsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: IGU_AGREEMENT_STATUS_CODES, isArray: true, description: 'Multi-select; repeat or comma-separate' })
  @IsOptional() @MultiValue() @IsIn(IGU_AGREEMENT_STATUS_CODES, { each: true })
  status?: IguAgreementStatus[];
}

/** 'IGU-aftaler' (R4), served from the `igu_agreements` read model (eventually consistent). */
@ApiTags('igu-agreements')
@ApiBearerAuth()
@Controller('api/igu-agreements')
export class ListIguAgreementsController {
  constructor(private readonly db: DataSource) {}

  @Get()
  // D10: the screens' lists run on the search read model; this plain collection stays for integrations, deprecated.
  @Header('Deprecation', 'true')
  @Header('Link', '</api/search/igu-agreements>; rel="successor-version"')
  @ApiOperation({ deprecated: true, summary: 'IGU agreements visible to the caller (companies included, R4), newest first, with totalCount (R1)' })
  list(@Query() query: ListIguAgreementsDto, @CurrentPrincipal() principal: Principal) {
    return listIguAgreements(this.db, principal, query);
  }
}
