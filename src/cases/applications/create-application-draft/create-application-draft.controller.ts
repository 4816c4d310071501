import { Body, Controller, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../../../platform/auth/current-principal.decorator';
import { Principal } from '../../../platform/auth/principal';
import { Roles } from '../../../platform/auth/roles.decorator';
import { newCaseId } from '../../../platform/commands/idempotent-ids';
import { commandContextOf } from '../../../platform/commands/request-command-context';
import { applicationLink } from '../application.view';
import { respondWithApplication } from '../application.respond';
import { CreateApplicationDraftCommand, CreateApplicationDraftDto } from './create-application-draft.dto';

@ApiTags('applications')
@ApiBearerAuth()
@Controller('api/applications')
export class CreateApplicationDraftController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('jobcentre')
  @ApiOperation({ summary: "Create an application draft ('Kladde'); the company is e-mailed a link" })
  async create(@Body() dto: CreateApplicationDraftDto, @CurrentPrincipal() principal: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const context = commandContextOf(req, principal);
    const id = newCaseId(context); // derived from an Idempotency-Key: a retry addresses the same case
    const result = await this.commands.execute(new CreateApplicationDraftCommand(id, dto, context));
    res.setHeader('Location', applicationLink(id));
    return respondWithApplication(res, result, principal);
  }
}
