import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal } from '../../../platform/auth/current-principal.decorator';
import { Principal } from '../../../platform/auth/principal';
import { etagOf } from '../../../platform/commands/request-command-context';
import { EVENT_STORE, EventStore } from '../../../platform/event-store/event-store.port';
import { EventRegistry } from '../../../platform/events/event-registry';
import { NotFoundError } from '../../../platform/http/problems';
import { CaseIdPipe } from '../../shared/case-id.pipe';
import { applicationDecider } from '../application.decider';
import { ApplicationEvent, applicationStreamId } from '../application.events';
import { assertMayRead, toApplicationView } from '../application.view';

/** One application, folded from its own stream: always current, never behind a projection. */
@ApiTags('applications')
@ApiBearerAuth()
@Controller('api/applications')
export class GetApplicationController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly registry: EventRegistry,
  ) {}

  @Get(':id')
  @ApiOperation({ summary: 'An application with its status, Danish label, links.self and the caller’s allowedActions' })
  async get(@Param('id', CaseIdPipe) id: string, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response) {
    const events = (await this.store.readStream(applicationStreamId(id))).map((e) => this.registry.upcast(e));
    if (events.length === 0) throw new NotFoundError('Application', id);
    const state = events.reduce((s, e) => applicationDecider.evolve(s, e as unknown as ApplicationEvent), applicationDecider.initialState());
    assertMayRead(principal, state);
    const revision = events[events.length - 1].revision;
    res.setHeader('ETag', etagOf(revision));
    return toApplicationView(state, revision, principal);
  }
}
