import { Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../../../platform/auth/current-principal.decorator';
import { Principal } from '../../../platform/auth/principal';
import { Roles } from '../../../platform/auth/roles.decorator';
import { commandContextOf } from '../../../platform/commands/request-command-context';
import { CaseIdPipe } from '../../shared/case-id.pipe';
import { actOnGrant } from '../act-on-grant';
import { GrantResponder } from '../grant.respond';

@ApiTags('grants')
@ApiBearerAuth()
@Controller('api/grants')
export class SendForApprovalController {
  constructor(
    private readonly commands: CommandBus,
    private readonly responder: GrantResponder,
  ) {}

  @Post(':id/send-for-approval')
  @HttpCode(200)
  @Roles('jobcentre')
  @ApiOperation({ summary: "Send a drafted grant to the company: 'Afventer godkendelse hos virksomhed', an employer task (R64)" })
  async send(@Param('id', CaseIdPipe) id: string, @CurrentPrincipal() principal: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const act = actOnGrant(id, commandContextOf(req, principal), ({ actor, now }) => ({ type: 'SendGrantForCompanyApproval', actor, now }));
    return this.responder.respond(res, await this.commands.execute(act), principal);
  }
}
