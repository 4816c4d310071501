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
import { applicationCase } from '../application.case';
import { assertMayRead, toApplicationView } from '../application.view';
import { DataSource } from 'typeorm';
import { isAssignedAa } from '../../../aa-assignments/aa-read-access';

/** One application, folded from its own stream: always current, never behind a projection. */
@ApiTags('applications')
@ApiBearerAuth()
@Controller('api/applications')
export class GetApplicationController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly registry: EventRegistry,
    private readonly db: DataSource,
  ) {}

  @Get(':id')
  @ApiOperation({ summary: 'An application with its status, Danish label, links.self and the caller’s allowedActions' })
  @ApiCaseAsOf()
  async get(@Param('id', CaseIdPipe) id: string, @Query() query: CaseAsOfQueryDto, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response) {
    // Access is decided on the case as it is now; the answer may show it as it was (?asOf, ?revision).
    const loaded = await loadCaseEvents(this.store, this.registry, applicationCase, id);
    assertMayRead(principal, loaded.state, await isAssignedAa(this.db, principal, loaded.state));
    const at = caseAt(applicationCase, id, loaded, query);
    setCaseRevision(res, at.revision);
    return viewAt(toApplicationView(at.state, at.revision, principal), at);
  }
}
