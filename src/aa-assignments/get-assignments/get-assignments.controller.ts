import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../platform/auth/roles.decorator';
import { etagOf } from '../../platform/commands/request-command-context';
import { EVENT_STORE, EventStore } from '../../platform/event-store/event-store.port';
import { EventRegistry } from '../../platform/events/event-registry';
import { CprParamDto } from '../../reference-data/lookup/lookup.dtos';
import { readUpcastStream } from '../../cases/shared/load-case';
import { AaAssignmentEvent, aaAssignmentStreamId } from '../aa-assignment.events';
import { AssignmentHistory, assignmentHistory } from '../aa-assignment.history';

/**
 * A citizen's assignments to an Anden Aktør, folded from the citizen's stream (always current,
 * never behind the projection). A citizen DFDG never assigned has an empty history, not a 404:
 * DFDG only reports assignments, so "never assigned" is an answer.
 */
@ApiTags('dfdg')
@ApiBearerAuth()
@Controller('api/dfdg/assignments')
export class GetAssignmentsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly registry: EventRegistry,
  ) {}

  @Get(':cpr')
  @Roles('case-system', 'auditor', 'jobcentre')
  @ApiOperation({ summary: "The citizen's current AA (aaId, or null) and every assignment period { aaId, assignedAt, unassignedAt }, oldest first; ETag = the stream's revision" })
  async get(@Param() { cpr }: CprParamDto, @Res({ passthrough: true }) res: Response): Promise<AssignmentHistory> {
    const events = await readUpcastStream(this.store, this.registry, aaAssignmentStreamId(cpr));
    res.setHeader('ETag', etagOf(events.length - 1));
    return assignmentHistory(cpr, events as unknown as AaAssignmentEvent[]);
  }
}
