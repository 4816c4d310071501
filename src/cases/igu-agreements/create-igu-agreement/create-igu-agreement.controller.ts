import { Body, Controller, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../../../platform/auth/current-principal.decorator';
import { Principal } from '../../../platform/auth/principal';
import { Roles } from '../../../platform/auth/roles.decorator';
import { newCaseId } from '../../../platform/commands/idempotent-ids';
import { commandContextOf } from '../../../platform/commands/request-command-context';
import { iguAgreementLink } from '../igu-agreement.case';
import { respondWithIguAgreement } from '../igu-agreement.respond';
import { CreateIguAgreementCommand, CreateIguAgreementDto } from './create-igu-agreement.dto';

@ApiTags('igu-agreements')
@ApiBearerAuth()
@Controller('api/igu-agreements')
export class CreateIguAgreementController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('jobcentre', 'company')
  @ApiOperation({ summary: "The job centre or the company creates an IGU agreement draft ('Kladde') for a citizen and a company" })
  async create(@Body() dto: CreateIguAgreementDto, @CurrentPrincipal() principal: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const context = commandContextOf(req, principal);
    const id = newCaseId(context); // derived from an Idempotency-Key: a retry addresses the same case
    const result = await this.commands.execute(new CreateIguAgreementCommand(id, dto, context));
    res.setHeader('Location', iguAgreementLink(id));
    return respondWithIguAgreement(res, result, principal);
  }
}
