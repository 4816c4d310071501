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
  async get(@Param('id', CaseIdPipe) id: string, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response) {
    const { state, revision } = await loadCase(this.store, this.registry, applicationCase, id);
    assertMayRead(principal, state, await isAssignedAa(this.db, principal, state));
    res.setHeader('ETag', etagOf(revision));
    return toApplicationView(state, revision, principal);
  }
}
