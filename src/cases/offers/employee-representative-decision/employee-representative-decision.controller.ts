import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../../../platform/auth/current-principal.decorator';
import { Principal } from '../../../platform/auth/principal';
import { Roles } from '../../../platform/auth/roles.decorator';
import { commandContextOf } from '../../../platform/commands/request-command-context';
import { CaseIdPipe } from '../../shared/case-id.pipe';
import { actOnOffer } from '../act-on-offer';
import { OfferResponder } from '../offer.respond';
import { RejectOfferDto } from './reject-offer.dto';

/** The employee representative's step on an offer (R9, D23). */
@ApiTags('offers')
@ApiBearerAuth()
@Controller('api/offers')
@Roles('employee-representative')
export class OfferEmployeeRepresentativeDecisionController {
  constructor(
    private readonly commands: CommandBus,
    private readonly responder: OfferResponder,
  ) {}

  @Post(':id/approve-as-employee-representative')
  @HttpCode(200)
  @ApiOperation({ summary: "The representative approves: the offer is 'Aktiv' (R9)" })
  async approve(@Param('id', CaseIdPipe) id: string, @CurrentPrincipal() principal: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const act = actOnOffer(id, commandContextOf(req, principal), ({ actor, now }) => ({ type: 'ApproveOfferAsEmployeeRep', actor, now }));
    return this.responder.respond(res, await this.commands.execute(act), principal);
  }

  @Post(':id/reject-as-employee-representative')
  @HttpCode(200)
  @ApiOperation({ summary: "The representative rejects: 'Afvist af medarbejder-rep' (R9)" })
  async reject(@Param('id', CaseIdPipe) id: string, @Body() dto: RejectOfferDto, @CurrentPrincipal() principal: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const act = actOnOffer(id, commandContextOf(req, principal), ({ actor, now }) => ({ type: 'RejectOfferAsEmployeeRep', reason: dto.reason, actor, now }));
    return this.responder.respond(res, await this.commands.execute(act), principal);
  }
}
