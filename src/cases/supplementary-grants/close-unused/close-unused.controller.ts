import { Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../../../platform/auth/current-principal.decorator';
import { Principal } from '../../../platform/auth/principal';
import { Roles } from '../../../platform/auth/roles.decorator';
import { commandContextOf } from '../../../platform/commands/request-command-context';
import { CaseIdPipe } from '../../shared/case-id.pipe';
import { actOnSupplementaryGrant } from '../act-on-supplementary-grant';
import { respondWithSupplementaryGrant } from '../supplementary-grant.respond';

@ApiTags('supplementary-grants')
@ApiBearerAuth()
@Controller('api/supplementary-grants')
export class CloseSupplementaryGrantUnusedController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/close-unused')
  @HttpCode(200)
  @Roles('jobcentre')
  @ApiOperation({ summary: "'Lukket bevilling (ej brugt)': kept in its history, left out of the list, its counts and filter values (D7)" })
  async close(@Param('id', CaseIdPipe) id: string, @CurrentPrincipal() principal: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const act = actOnSupplementaryGrant(id, commandContextOf(req, principal), ({ actor, now }) => ({ type: 'CloseSupplementaryGrantUnused', actor, now }));
    return respondWithSupplementaryGrant(res, await this.commands.execute(act), principal);
  }
}
