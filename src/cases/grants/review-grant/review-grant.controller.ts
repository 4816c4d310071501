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
import { ReviewGrantDto } from './review-grant.dto';

@ApiTags('grants')
@ApiBearerAuth()
@Controller('api/grants')
export class ReviewGrantController {
  constructor(
    private readonly commands: CommandBus,
    private readonly responder: GrantResponder,
  ) {}

  @Post(':id/review')
  @HttpCode(200)
  @Roles('jobcentre')
  @ApiOperation({ summary: "Register a review ('Revurdering') of an active grant" })
  async review(@Param('id', CaseIdPipe) id: string, @Body() dto: ReviewGrantDto, @CurrentPrincipal() principal: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const act = actOnGrant(id, commandContextOf(req, principal), ({ actor, now }) => ({ type: 'ReviewGrant', remarks: dto.remarks ?? null, actor, now }));
    return this.responder.respond(res, await this.commands.execute(act), principal);
  }
}
