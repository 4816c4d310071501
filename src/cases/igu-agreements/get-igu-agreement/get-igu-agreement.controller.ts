import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal } from '../../../platform/auth/current-principal.decorator';
import { Principal } from '../../../platform/auth/principal';
import { etagOf } from '../../../platform/commands/request-command-context';
import { EVENT_STORE, EventStore } from '../../../platform/event-store/event-store.port';
import { EventRegistry } from '../../../platform/events/event-registry';
import { CaseIdPipe } from '../../shared/case-id.pipe';
import { loadCase } from '../../shared/load-case';
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
  async get(@Param('id', CaseIdPipe) id: string, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response) {
    const { state, revision } = await loadCase(this.store, this.registry, iguAgreementCase, id);
    assertMayReadIguAgreement(principal, state);
    res.setHeader('ETag', etagOf(revision));
    return toIguAgreementView(state, revision, principal);
  }
}
