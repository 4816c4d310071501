import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
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
import { GrantPartyReasonDto } from '../refuse-grant/refuse-grant.dto';

@ApiTags('grants')
@ApiBearerAuth()
@Controller('api/grants')
export class WithdrawGrantController {
  constructor(
    private readonly commands: CommandBus,
    private readonly responder: GrantResponder,
  ) {}

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('jobcentre', 'company', 'citizen')
  @ApiOperation({ summary: "The job centre, the company or the citizen withdraws a grant that has not ended: 'Trukket tilbage', DFDG code 14 (R41, D6)" })
  async withdraw(@Param('id', CaseIdPipe) id: string, @Body() dto: GrantPartyReasonDto, @CurrentPrincipal() principal: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const act = actOnGrant(id, commandContextOf(req, principal), ({ actor, now }) => ({ type: 'WithdrawGrant', reason: dto.reason ?? null, actor, now }));
    return this.responder.respond(res, await this.commands.execute(act), principal);
  }
}
