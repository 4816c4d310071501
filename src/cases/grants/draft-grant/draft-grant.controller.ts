import { Body, Controller, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../../../platform/auth/current-principal.decorator';
import { Principal } from '../../../platform/auth/principal';
import { Roles } from '../../../platform/auth/roles.decorator';
import { newCaseId } from '../../../platform/commands/idempotent-ids';
import { commandContextOf } from '../../../platform/commands/request-command-context';
import { grantLink } from '../grant.case';
import { GrantResponder } from '../grant.respond';
import { DraftGrantCommand, DraftGrantDto } from './draft-grant.dto';

@ApiTags('grants')
@ApiBearerAuth()
@Controller('api/grants')
export class DraftGrantController {
  constructor(
    private readonly commands: CommandBus,
    private readonly responder: GrantResponder,
  ) {}

  @Post()
  @Roles('jobcentre')
  @ApiOperation({ summary: "Draft a grant ('Bevilling udarbejdet'); on a national-list VP/LT offer it awaits the company at once (R44)" })
  async draft(@Body() dto: DraftGrantDto, @CurrentPrincipal() principal: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const context = commandContextOf(req, principal);
    const id = newCaseId(context); // derived from an Idempotency-Key: a retry addresses the same case
    const result = await this.commands.execute(new DraftGrantCommand(id, dto, context));
    res.setHeader('Location', grantLink(id));
    return this.responder.respond(res, result, principal);
  }
}
