import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentPrincipal } from '../../../platform/auth/current-principal.decorator';
import { Principal } from '../../../platform/auth/principal';
import { EVENT_STORE, EventStore } from '../../../platform/event-store/event-store.port';
import { EventRegistry } from '../../../platform/events/event-registry';
import { CaseIdPipe } from '../../shared/case-id.pipe';
import { CaseHistoryPage } from '../../shared/case-history';
import { CaseHistoryQueryDto } from '../../shared/case-history.dto';
import { ApiCaseHistory } from '../../shared/case-history.openapi';
import { readCaseHistory } from '../../shared/case-history.reader';
import { offerHistory } from '../offer.history';

/** Issue 12: every event of one offer, oldest first, paged. */
@ApiTags('offers')
@ApiBearerAuth()
@Controller('api/offers')
export class GetOfferHistoryController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly registry: EventRegistry,
    private readonly db: DataSource,
  ) {}

  @Get(':id/history')
  @ApiCaseHistory('offer')
  history(@Param('id', CaseIdPipe) id: string, @Query() query: CaseHistoryQueryDto, @CurrentPrincipal() principal: Principal): Promise<CaseHistoryPage> {
    return readCaseHistory({ store: this.store, registry: this.registry, db: this.db }, offerHistory, id, principal, query);
  }
}
