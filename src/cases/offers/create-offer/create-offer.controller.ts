import { Body, Controller, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../../../platform/auth/current-principal.decorator';
import { Principal } from '../../../platform/auth/principal';
import { Roles } from '../../../platform/auth/roles.decorator';
import { newCaseId } from '../../../platform/commands/idempotent-ids';
import { commandContextOf } from '../../../platform/commands/request-command-context';
import { offerLink } from '../offer.case';
import { OfferResponder } from '../offer.respond';
import { CreateOfferCommand, CreateOfferDto } from './create-offer.dto';

@ApiTags('offers')
@ApiBearerAuth()
@Controller('api/offers')
export class CreateOfferController {
  constructor(
    private readonly commands: CommandBus,
    private readonly responder: OfferResponder,
  ) {}

  @Post()
  @Roles('company')
  @ApiOperation({ summary: "The company creates an offer ('Oprettet'): to the employee representative (D23) or 'Aktiv' at once" })
  async create(@Body() dto: CreateOfferDto, @CurrentPrincipal() principal: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const context = commandContextOf(req, principal);
    const id = newCaseId(context); // derived from an Idempotency-Key: a retry addresses the same case
    const result = await this.commands.execute(new CreateOfferCommand(id, dto, context));
    res.setHeader('Location', offerLink(id));
    return this.responder.respond(res, result, principal);
  }
}
