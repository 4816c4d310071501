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
import { iguAgreementCase } from '../igu-agreement.case';
import { assertMayReadIguAgreement, toIguAgreementView } from '../igu-agreement.view';

/** One IGU agreement, folded from its own stream: always current, never behind a projection. */
@ApiTags('igu-agreements')
@ApiBearerAuth()
@Controller('api/igu-agreements')
export class GetIguAgreementController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly registry: EventRegistry,
  ) {}

  @Get(':id')
  @ApiOperation({ summary: 'An IGU agreement with its status, Danish label, links.self and the caller’s allowedActions (never send-to-citizen for a citizen, R60)' })
  @ApiCaseAsOf()
  async get(@Param('id', CaseIdPipe) id: string, @Query() query: CaseAsOfQueryDto, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response) {
    // Access is decided on the case as it is now; the answer may show it as it was (?asOf, ?revision).
    const loaded = await loadCaseEvents(this.store, this.registry, iguAgreementCase, id);
    assertMayReadIguAgreement(principal, loaded.state);
    const at = caseAt(iguAgreementCase, id, loaded, query);
    setCaseRevision(res, at.revision);
    return viewAt(toIguAgreementView(at.state, at.revision, principal), at);
  }
}
