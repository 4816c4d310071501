import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
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
import { SignAsCitizenDto } from './sign-as-citizen.dto';

@ApiTags('igu-agreements')
@ApiBearerAuth()
@Controller('api/igu-agreements')
export class SignIguAgreementAsCitizenController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/sign-as-citizen')
  @HttpCode(200)
  @Roles('citizen')
  @ApiOperation({ summary: "The citizen (own CPR) signs with MitID: 'Underskrevet'" })
  async sign(@Param('id', CaseIdPipe) id: string, @Body() dto: SignAsCitizenDto, @CurrentPrincipal() principal: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const act = actOnIguAgreement(id, commandContextOf(req, principal), ({ actor, now }) => ({ type: 'SignIguAgreementAsCitizen', method: dto.method ?? 'mitid', actor, now }));
    return respondWithIguAgreement(res, await this.commands.execute(act), principal);
  }
}
