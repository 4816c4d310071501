import { Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../../../platform/auth/current-principal.decorator';
import { Principal } from '../../../platform/auth/principal';
import { Roles } from '../../../platform/auth/roles.decorator';
import { commandContextOf } from '../../../platform/commands/request-command-context';
import { CaseIdPipe } from '../../shared/case-id.pipe';
import { actOnIguAgreement } from '../act-on-igu-agreement';
import { respondWithIguAgreement } from '../igu-agreement.respond';

@ApiTags('igu-agreements')
@ApiBearerAuth()
@Controller('api/igu-agreements')
export class SendToCitizenController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/send-to-citizen')
  @HttpCode(200)
  // The citizen is let through to the decider on purpose, so that its refusal names R60.
  @Roles('jobcentre', 'company', 'citizen')
  @ApiOperation({ summary: "'Send til borger' (job centre or company): 'Afventer borger'. A citizen is refused (403, R60)" })
  async send(@Param('id', CaseIdPipe) id: string, @CurrentPrincipal() principal: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const act = actOnIguAgreement(id, commandContextOf(req, principal), ({ actor, now }) => ({ type: 'SendIguAgreementToCitizen', actor, now }));
    return respondWithIguAgreement(res, await this.commands.execute(act), principal);
  }
}
