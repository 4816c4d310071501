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
import { actOnGrant } from '../act-on-grant';
import { GrantResponder } from '../grant.respond';

/** Transfer to another job centre (R33, refused grants included) and 'Sæt ansvarlig' (R55) on a grant. */
@ApiTags('grants')
@ApiBearerAuth()
@Controller('api/grants')
@Roles('jobcentre')
export class GrantOwnershipController {
  constructor(
    private readonly commands: CommandBus,
    private readonly responder: GrantResponder,
  ) {}

  @Post(':id/transfer')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move the grant to another job centre, in any status (R33)' })
  async transfer(@Param('id', CaseIdPipe) id: string, @Body() dto: TransferCaseDto, @CurrentPrincipal() principal: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const act = actOnGrant(id, commandContextOf(req, principal), ({ actor, now }) => ({ type: 'TransferGrant', toJobcentre: dto.toJobcentre, actor, now }));
    return this.responder.respond(res, await this.commands.execute(act), principal);
  }

  @Post(':id/set-responsible')
  @HttpCode(200)
  @ApiOperation({ summary: "'Sæt ansvarlig': set the responsible caseworker (R55)" })
  async setResponsible(@Param('id', CaseIdPipe) id: string, @Body() dto: SetResponsibleDto, @CurrentPrincipal() principal: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const act = actOnGrant(id, commandContextOf(req, principal), ({ actor, now }) => ({ type: 'AssignResponsibleCaseworker', caseworkerId: dto.caseworkerId, actor, now }));
    return this.responder.respond(res, await this.commands.execute(act), principal);
  }
}
