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
import { ExtendGrantDto } from './extend-grant.dto';

@ApiTags('grants')
@ApiBearerAuth()
@Controller('api/grants')
export class ExtendGrantController {
  constructor(
    private readonly commands: CommandBus,
    private readonly responder: GrantResponder,
  ) {}

  @Post(':id/extend')
  @HttpCode(200)
  @Roles('jobcentre')
  @ApiOperation({ summary: "Extend an active grant ('Forlængelse'); VP/LT check 'Jobindhold' ≤ 2,000 characters even on old grants (R30)" })
  async extend(@Param('id', CaseIdPipe) id: string, @Body() dto: ExtendGrantDto, @CurrentPrincipal() principal: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const act = actOnGrant(id, commandContextOf(req, principal), ({ actor, now }) => ({ type: 'ExtendGrant', newEndDate: dto.newEndDate, jobContent: dto.jobContent ?? null, actor, now }));
    return this.responder.respond(res, await this.commands.execute(act), principal);
  }
}
