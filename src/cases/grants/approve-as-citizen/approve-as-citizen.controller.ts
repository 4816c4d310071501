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
import { ApproveAsCitizenDto } from './approve-as-citizen.dto';

@ApiTags('grants')
@ApiBearerAuth()
@Controller('api/grants')
export class ApproveAsCitizenController {
  constructor(
    private readonly commands: CommandBus,
    private readonly responder: GrantResponder,
  ) {}

  @Post(':id/approve-as-citizen')
  @HttpCode(200)
  @Roles('citizen')
  @ApiOperation({ summary: "The citizen approves a PA grant with MitID after the company (R36, 1.13): 'Aktiv'" })
  async approve(@Param('id', CaseIdPipe) id: string, @Body() dto: ApproveAsCitizenDto, @CurrentPrincipal() principal: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const act = actOnGrant(id, commandContextOf(req, principal), ({ actor, now }) => ({ type: 'ApproveGrantAsCitizen', method: dto.method ?? 'mitid', actor, now }));
    return this.responder.respond(res, await this.commands.execute(act), principal);
  }
}
