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
import { iguAgreementHistory } from '../igu-agreement.history';

/** Issue 12: every event of one IGU agreement, oldest first, paged. */
@ApiTags('igu-agreements')
@ApiBearerAuth()
@Controller('api/igu-agreements')
export class GetIguAgreementHistoryController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly registry: EventRegistry,
    private readonly db: DataSource,
  ) {}

  @Get(':id/history')
  @ApiCaseHistory('IGU agreement')
  history(@Param('id', CaseIdPipe) id: string, @Query() query: CaseHistoryQueryDto, @CurrentPrincipal() principal: Principal): Promise<CaseHistoryPage> {
    return readCaseHistory({ store: this.store, registry: this.registry, db: this.db }, iguAgreementHistory, id, principal, query);
  }
}
