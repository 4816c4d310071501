import { Body, Controller, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional } from 'class-validator';
import { IsIdentifier } from '../../platform/validation/identifiers';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { SetResponsibleDto } from '../shared/case-ownership.dto';
import { CurrentPrincipal } from '../../platform/auth/current-principal.decorator';
import { Principal } from '../../platform/auth/principal';
import { Roles } from '../../platform/auth/roles.decorator';
import { CLOCK, Clock } from '../../platform/clock/clock';
import { danishDate } from '../../platform/clock/dates';
import { idempotencySeedOf } from '../../platform/commands/request-command-context';
import { APP_CONFIG, AppConfig } from '../../platform/config/config';
import { planSearch } from '../../../projections/search/engine/search-engine';
import { SEARCH_LIST_IDS, SearchListDefinition } from '../../../projections/search/engine/search-lists';
import { SearchListPipe } from '../../../projections/search/search.controller';
import { SearchQueryDto } from '../../../projections/search/search-query.dto';
import { bulkSetResponsible } from './bulk-set-responsible';

export class BulkSetResponsibleDto extends SetResponsibleDto {
  @ApiPropertyOptional({ isArray: true, type: String, description: 'The selected results (1–500 case ids); absent: every result of the query' })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @IsIdentifier('caseId', { each: true, message: 'caseIds must hold case ids (UUIDs)' })
  caseIds?: string[];
}

/** Bulk 'Sæt ansvarlig' on a search list's selected results or all its results (R55, R7): one command per case, each outcome reported. */
@ApiTags('search')
@ApiBearerAuth()
@Controller('api/search')
@Roles('jobcentre')
export class BulkSetResponsibleController {
  constructor(
    private readonly db: DataSource,
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post(':list/set-responsible')
  @HttpCode(200)
  @ApiParam({ name: 'list', enum: SEARCH_LIST_IDS })
  @ApiOperation({
    summary: "'Sæt ansvarlig' on the selected results (`caseIds`) or on every result of the list's query (the same query parameters as the list): one command per case; `results` reports each case's outcome (R55, R7)",
  })
  setResponsible(
    @Param('list', SearchListPipe) list: SearchListDefinition, @Query() query: SearchQueryDto, @Body() body: BulkSetResponsibleDto,
    @CurrentPrincipal() principal: Principal, @Req() req: Request,
  ) {
    const plan = planSearch(list, principal, query, danishDate(this.clock.now()));
    // One correlation for the whole bulk act; each case's command is checked against that case's own revision, never an If-Match.
    const context = { principal, correlationId: req.context.correlationId, causationId: req.context.requestId, expectedRevision: undefined, ...idempotencySeedOf(req) };
    return bulkSetResponsible(this.db, this.commands, plan, context, body, this.config.bulkSetResponsibleLimit);
  }
}
