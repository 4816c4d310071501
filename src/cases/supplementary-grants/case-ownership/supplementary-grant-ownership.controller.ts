import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../../../platform/auth/current-principal.decorator';
import { Principal } from '../../../platform/auth/principal';
import { Roles } from '../../../platform/auth/roles.decorator';
import { commandContextOf } from '../../../platform/commands/request-command-context';
import { CaseIdPipe } from '../../shared/case-id.pipe';
import { SetResponsibleDto, TransferCaseDto } from '../../shared/case-ownership.dto';
import { actOnSupplementaryGrant } from '../act-on-supplementary-grant';
import { respondWithSupplementaryGrant } from '../supplementary-grant.respond';

/** Transfer to another job centre (R33) and 'Sæt ansvarlig' (R55) on a supplementary grant. */
@ApiTags('supplementary-grants')
@ApiBearerAuth()
@Controller('api/supplementary-grants')
@Roles('jobcentre')
export class SupplementaryGrantOwnershipController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/transfer')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move the supplementary grant to another job centre (R33)' })
  async transfer(@Param('id', CaseIdPipe) id: string, @Body() dto: TransferCaseDto, @CurrentPrincipal() principal: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const act = actOnSupplementaryGrant(id, commandContextOf(req, principal), ({ actor, now }) => ({ type: 'TransferSupplementaryGrant', toJobcentre: dto.toJobcentre, actor, now }));
    return respondWithSupplementaryGrant(res, await this.commands.execute(act), principal);
  }

  @Post(':id/set-responsible')
  @HttpCode(200)
  @ApiOperation({ summary: "'Sæt ansvarlig': set the responsible caseworker (R55)" })
  async setResponsible(@Param('id', CaseIdPipe) id: string, @Body() dto: SetResponsibleDto, @CurrentPrincipal() principal: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const act = actOnSupplementaryGrant(id, commandContextOf(req, principal), ({ actor, now }) => ({ type: 'AssignResponsibleCaseworker', caseworkerId: dto.caseworkerId, actor, now }));
    return respondWithSupplementaryGrant(res, await this.commands.execute(act), principal);
  }
}
