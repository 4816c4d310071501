import { Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
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

/** R15/D24: the company cancels its offer at any time; a flag with its timestamp, not a status. */
@ApiTags('offers')
@ApiBearerAuth()
@Controller('api/offers')
export class CancelOfferController {
  constructor(
    private readonly commands: CommandBus,
    private readonly responder: OfferResponder,
  ) {}

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('company')
  @ApiOperation({ summary: "Cancel the offer: 'Annulleret af virksomhed' (R15, D24); grants made on it are unaffected; a second cancel is a 409" })
  async cancel(@Param('id', CaseIdPipe) id: string, @CurrentPrincipal() principal: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const act = actOnOffer(id, commandContextOf(req, principal), ({ actor, now }) => ({ type: 'CancelOffer', actor, now }));
    return this.responder.respond(res, await this.commands.execute(act), principal);
  }
}
