import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import type { Response } from 'express';
import { CurrentPrincipal } from '../../platform/auth/current-principal.decorator';
import { Principal } from '../../platform/auth/principal';
import { Roles } from '../../platform/auth/roles.decorator';
import { etagOf } from '../../platform/commands/request-command-context';
import { EVENT_STORE, EventStore } from '../../platform/event-store/event-store.port';
import { EventRegistry } from '../../platform/events/event-registry';
import { ForbiddenError, ProblemError } from '../../platform/http/problems';
import { CprParamDto } from '../../reference-data/lookup/lookup.dtos';
import { readUpcastStream } from '../../cases/shared/load-case';
import { AaAssignmentEvent, aaAssignmentStreamId } from '../aa-assignment.events';
import { AssignmentHistory, assignmentHistory } from '../aa-assignment.history';
import { IsIdentifier } from '../../platform/validation/identifiers';
import { ownJobcentreOf } from '../own-jobcentre';

export class AssignmentsQueryDto {
  @ApiPropertyOptional({ example: '101', description: "The job centre whose assignment to read: an auditor's choice; a case system or caseworker may name only its own" })
  @IsOptional()
  @IsIdentifier('jobcentre')
  jobcentre?: string;
}

/**
 * One job centre's assignments of a citizen to an Anden Aktør, folded from their stream (always
 * current, never behind the projection). A citizen the job centre never assigned has an empty
 * history, not a 404: DFDG only reports assignments, so "never assigned" is an answer.
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
  @ApiOperation({
    summary: "One job centre's assignment of the citizen: { jobcentre, cpr, aaId (now, or null), history: [{ aaId, assignedAt, unassignedAt }] }, oldest first; " +
      "ETag = the stream's revision. A case system or caseworker reads its own job centre's; an auditor names any with ?jobcentre=",
  })
  async get(@Param() { cpr }: CprParamDto, @Query() query: AssignmentsQueryDto, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response): Promise<AssignmentHistory> {
    const jobcentre = this.jobcentreToRead(principal, query.jobcentre);
    const events = await readUpcastStream(this.store, this.registry, aaAssignmentStreamId(jobcentre, cpr));
    res.setHeader('ETag', etagOf(events.length - 1));
    return assignmentHistory(jobcentre, cpr, events as unknown as AaAssignmentEvent[]);
  }

  /** Issue 10: a job centre's staff and case system see its own assignments only; an auditor reads any, by name. */
  private jobcentreToRead(principal: Principal, asked: string | undefined): string {
    if (principal.role === 'auditor') {
      if (asked === undefined) throw new ProblemError('validation', 'jobcentre: an auditor names the job centre whose assignment to read', 'required', 'jobcentre');
      return asked;
    }
    const own = ownJobcentreOf(principal);
    if (asked !== undefined && asked !== own) throw new ForbiddenError("A job centre's case system or caseworker reads only its own job centre's assignments", 'own-jobcentre');
    return own;
  }
}
