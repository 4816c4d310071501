import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../../../platform/auth/current-principal.decorator';
import { Principal } from '../../../platform/auth/principal';
import { Roles } from '../../../platform/auth/roles.decorator';
import { commandContextOf } from '../../../platform/commands/request-command-context';
import { actOnApplication } from '../act-on-application';
import { CaseIdPipe } from '../../shared/case-id.pipe';
import { respondWithApplication } from '../application.respond';
import { RejectWithReasonDto } from '../employee-representative-decision/reject-as-employee-representative.dto';

/** The caseworker's acts on an application: resend the draft link (R48), approve (D9), reject. */
@ApiTags('applications')
@ApiBearerAuth()
@Controller('api/applications')
@Roles('jobcentre')
export class CaseworkerDecisionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/resend-draft-link')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resend the draft-link e-mail to the company (paper-plane icon, R48)' })
  async resend(@Param('id', CaseIdPipe) id: string, @CurrentPrincipal() principal: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const act = actOnApplication(id, commandContextOf(req, principal), ({ actor, now }) => ({ type: 'ResendDraftLinkEmail', actor, now }));
    return respondWithApplication(res, await this.commands.execute(act), principal);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: "Approve a received application; sets 'Godkendt dato' (D9)" })
  async approve(@Param('id', CaseIdPipe) id: string, @CurrentPrincipal() principal: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const act = actOnApplication(id, commandContextOf(req, principal), ({ actor, now }) => ({ type: 'ApproveApplication', actor, now }));
    return respondWithApplication(res, await this.commands.execute(act), principal);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject a received application' })
  async reject(@Param('id', CaseIdPipe) id: string, @Body() dto: RejectWithReasonDto, @CurrentPrincipal() principal: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const act = actOnApplication(id, commandContextOf(req, principal), ({ actor, now }) => ({ type: 'RejectApplication', reason: dto.reason, actor, now }));
    return respondWithApplication(res, await this.commands.execute(act), principal);
  }
}
