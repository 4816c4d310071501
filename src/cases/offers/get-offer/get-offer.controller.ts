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
  @ApiCaseAsOf()
  async get(@Param('id', CaseIdPipe) id: string, @Query() query: CaseAsOfQueryDto, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response) {
    // Access is decided on the case as it is now; the answer may show it as it was (?asOf, ?revision).
    const loaded = await loadCaseEvents(this.store, this.registry, offerCase, id);
    assertMayReadOffer(principal, loaded.state);
    const at = caseAt(offerCase, id, loaded, query);
    setCaseRevision(res, at.revision);
    return viewAt(await this.responder.view(at.state, at.revision, principal), at);
  }
}
