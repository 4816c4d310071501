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
import { offerCase } from '../offer.case';
import { OfferResponder } from '../offer.respond';
import { assertMayReadOffer } from '../offer.view';

/** One offer, folded from its own stream; the grants made on it come from the read model. */
@ApiTags('offers')
@ApiBearerAuth()
@Controller('api/offers')
export class GetOfferController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly registry: EventRegistry,
    private readonly responder: OfferResponder,
  ) {}

  @Get(':id')
  @ApiOperation({ summary: "An offer with its status and Danish label, the 'Annulleret af virksomhed' flag, its grants, links.self and the caller’s allowedActions" })
  async get(@Param('id', CaseIdPipe) id: string, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response) {
    const { state, revision } = await loadCase(this.store, this.registry, offerCase, id);
    assertMayReadOffer(principal, state);
    res.setHeader('ETag', etagOf(revision));
    return this.responder.view(state, revision, principal);
  }
}
