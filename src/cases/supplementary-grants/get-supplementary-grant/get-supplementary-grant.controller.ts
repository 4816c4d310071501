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
import { supplementaryGrantCase } from '../supplementary-grant.case';
import { assertMayReadSupplementaryGrant, toSupplementaryGrantView } from '../supplementary-grant.view';
import { DataSource } from 'typeorm';
import { isAssignedAa } from '../../../aa-assignments/aa-read-access';

/** One supplementary grant, folded from its own stream; D7: a closed-unused one is still here, in its history. */
@ApiTags('supplementary-grants')
@ApiBearerAuth()
@Controller('api/supplementary-grants')
export class GetSupplementaryGrantController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly registry: EventRegistry,
    private readonly db: DataSource,
  ) {}

  @Get(':id')
  @ApiOperation({ summary: "A supplementary grant with its type, its parent's scheme (R3), status and Danish label, links and the caller’s allowedActions" })
  @ApiCaseAsOf()
  async get(@Param('id', CaseIdPipe) id: string, @Query() query: CaseAsOfQueryDto, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response) {
    // Access is decided on the case as it is now; the answer may show it as it was (?asOf, ?revision).
    const loaded = await loadCaseEvents(this.store, this.registry, supplementaryGrantCase, id);
    assertMayReadSupplementaryGrant(principal, loaded.state, await isAssignedAa(this.db, principal, loaded.state));
    const at = caseAt(supplementaryGrantCase, id, loaded, query);
    setCaseRevision(res, at.revision);
    return viewAt(toSupplementaryGrantView(at.state, at.revision, principal), at);
  }
}
