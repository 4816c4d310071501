import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal } from '../../platform/auth/current-principal.decorator';
import { Principal } from '../../platform/auth/principal';
import { Roles } from '../../platform/auth/roles.decorator';
import { CommandContext } from '../../platform/commands/command-context';
import { idempotencySeedOf } from '../../platform/commands/request-command-context';
import { RecordAssignmentsResult } from './record-assignments.handler';
import { MAX_ASSIGNMENT_RECORDS, RecordAssignments, RecordAssignmentsDto } from './record-assignments.dto';
import { RecordAssignmentsPipe } from './record-assignments.pipe';
import { ownJobcentreOf } from '../own-jobcentre';

/** Typed by an interface on purpose: the global validation pipe passes it through to RecordAssignmentsPipe. */
interface AssignmentsBody {
  records: RecordAssignmentsDto['records'];
}

const OUTCOMES = ['assigned', 'unassigned', 'moved', 'unchanged'];

@ApiTags('dfdg')
@ApiBearerAuth()
@Controller('api/dfdg/assignments')
export class RecordAssignmentsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  // A job centre's case system sends its own DFDG assignments (issue 10), never a caseworker.
  @Roles('case-system')
  @ApiOperation({
    summary: `Record the caller's job centre's DFDG assignments of citizens to an Anden Aktør (R12, R13, D8, D17): 1–${MAX_ASSIGNMENT_RECORDS} records, ` +
      "each decided and appended on its (job centre, citizen) stream; the AA sees the citizen on this job centre's cases only",
  })
  @ApiBody({ type: RecordAssignmentsDto })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: {
        recorded: { type: 'integer' },
        unchanged: { type: 'integer' },
        results: { type: 'array', items: { type: 'object', properties: { cpr: { type: 'string' }, outcome: { type: 'string', enum: OUTCOMES }, events: { type: 'integer' } } } },
      },
    },
  })
  record(@Body(RecordAssignmentsPipe) body: AssignmentsBody, @CurrentPrincipal() principal: Principal, @Req() req: Request): Promise<RecordAssignmentsResult> {
    ownJobcentreOf(principal);
    // No If-Match: one request writes many citizens' streams, each with its own revision.
    // With an Idempotency-Key, each citizen's stream gets derived event ids: a retry answers each from its events (exactly once).
    const context: CommandContext = { principal, correlationId: req.context.correlationId, causationId: req.context.requestId, ...idempotencySeedOf(req) };
    return this.commands.execute(new RecordAssignments(body.records, context));
  }
}
