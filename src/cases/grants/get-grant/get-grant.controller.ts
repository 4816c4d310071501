import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal } from '../../../platform/auth/current-principal.decorator';
import { Principal } from '../../../platform/auth/principal';
import { EVENT_STORE, EventStore } from '../../../platform/event-store/event-store.port';
import { EventRegistry } from '../../../platform/events/event-registry';
import { CaseIdPipe } from '../../shared/case-id.pipe';
import { CaseAsOfQueryDto, caseAt, loadCaseEvents, setCaseRevision, viewAt } from '../../shared/case-as-of';
import { ApiCaseAsOf } from '../../shared/case-history.openapi';
import { grantCase } from '../grant.case';
import { GrantResponder } from '../grant.respond';
import { assertMayReadGrant } from '../grant.view';
import { DataSource } from 'typeorm';
import { isAssignedAa } from '../../../aa-assignments/aa-read-access';

/** One grant, folded from its own stream (always current); only its supplementary grants come from the read model. */
@ApiTags('grants')
@ApiBearerAuth()
@Controller('api/grants')
export class GetGrantController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly registry: EventRegistry,
    private readonly db: DataSource,
    private readonly responder: GrantResponder,
  ) {}

  @Get(':id')
  @ApiOperation({ summary: 'A grant with its status and Danish label, linked cases (its supplementary grants from the read model), links and the caller’s allowedActions; ETag = revision' })
  @ApiCaseAsOf()
  async get(@Param('id', CaseIdPipe) id: string, @Query() query: CaseAsOfQueryDto, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response) {
    // Access is decided on the case as it is now; the answer may show it as it was (?asOf, ?revision).
    const loaded = await loadCaseEvents(this.store, this.registry, grantCase, id);
    assertMayReadGrant(principal, loaded.state, await isAssignedAa(this.db, principal, loaded.state));
    const at = caseAt(grantCase, id, loaded, query);
    setCaseRevision(res, at.revision);
    return viewAt(await this.responder.view(at.state, at.revision, principal), at);
  }
}
