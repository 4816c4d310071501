import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../../../platform/auth/current-principal.decorator';
import { Principal } from '../../../platform/auth/principal';
import { Roles } from '../../../platform/auth/roles.decorator';
import { commandContextOf } from '../../../platform/commands/request-command-context';
import { CaseIdPipe } from '../../shared/case-id.pipe';
import { actOnSupplementaryGrant } from '../act-on-supplementary-grant';
import { respondWithSupplementaryGrant } from '../supplementary-grant.respond';
import { SupplementaryGrantReasonDto } from './optional-reason.dto';

/** The job centre or the company refuses ('Afvist') or withdraws ('Trukket tilbage') a supplementary grant (R41, D6). */
@ApiTags('supplementary-grants')
@ApiBearerAuth()
@Controller('api/supplementary-grants')
@Roles('jobcentre', 'company')
export class NotApproveOrWithdrawController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/not-approve')
  @HttpCode(200)
  @ApiOperation({ summary: "Not approved while awaiting approval: 'Afvist'" })
  async notApprove(@Param('id', CaseIdPipe) id: string, @Body() dto: SupplementaryGrantReasonDto, @CurrentPrincipal() principal: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const act = actOnSupplementaryGrant(id, commandContextOf(req, principal), ({ actor, now }) => ({ type: 'NotApproveSupplementaryGrant', reason: dto.reason ?? null, actor, now }));
    return respondWithSupplementaryGrant(res, await this.commands.execute(act), principal);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: "Withdrawn before it ended: 'Trukket tilbage'" })
  async withdraw(@Param('id', CaseIdPipe) id: string, @Body() dto: SupplementaryGrantReasonDto, @CurrentPrincipal() principal: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const act = actOnSupplementaryGrant(id, commandContextOf(req, principal), ({ actor, now }) => ({ type: 'WithdrawSupplementaryGrant', reason: dto.reason ?? null, actor, now }));
    return respondWithSupplementaryGrant(res, await this.commands.execute(act), principal);
  }
}
