import { Body, Controller, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../../../platform/auth/current-principal.decorator';
import { Principal } from '../../../platform/auth/principal';
import { Roles } from '../../../platform/auth/roles.decorator';
import { newCaseId } from '../../../platform/commands/idempotent-ids';
import { commandContextOf } from '../../../platform/commands/request-command-context';
import { supplementaryGrantLink } from '../supplementary-grant.case';
import { respondWithSupplementaryGrant } from '../supplementary-grant.respond';
import { CreateSupplementaryGrantCommand, CreateSupplementaryGrantDto } from './create-supplementary-grant.dto';

@ApiTags('supplementary-grants')
@ApiBearerAuth()
@Controller('api/supplementary-grants')
export class CreateSupplementaryGrantController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('jobcentre')
  @ApiOperation({ summary: "Draft a 'Mentor' or 'Hjælpemidler' supplementary grant on a parent grant ('Bevilling udarbejdet'); it shows the parent's scheme (R3)" })
  async create(@Body() dto: CreateSupplementaryGrantDto, @CurrentPrincipal() principal: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const context = commandContextOf(req, principal);
    const id = newCaseId(context); // derived from an Idempotency-Key: a retry addresses the same case
    const result = await this.commands.execute(new CreateSupplementaryGrantCommand(id, dto, context));
    res.setHeader('Location', supplementaryGrantLink(id));
    return respondWithSupplementaryGrant(res, result, principal);
  }
}
