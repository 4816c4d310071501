import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../../../platform/auth/current-principal.decorator';
import { Principal } from '../../../platform/auth/principal';
import { Roles } from '../../../platform/auth/roles.decorator';
import { commandContextOf } from '../../../platform/commands/request-command-context';
import { SignAsCompanyDto } from '../../applications/sign-as-company/sign-as-company.dto';
import { CaseIdPipe } from '../../shared/case-id.pipe';
import { actOnGrant } from '../act-on-grant';
import { GrantResponder } from '../grant.respond';

@ApiTags('grants')
@ApiBearerAuth()
@Controller('api/grants')
export class ApproveAsCompanyController {
  constructor(
    private readonly commands: CommandBus,
    private readonly responder: GrantResponder,
  ) {}

  @Post(':id/approve-as-company')
  @HttpCode(200)
  @Roles('company')
  @ApiOperation({ summary: "The company approves: 'Aktiv', or for PA 'Afventer godkendelse hos borger'; MitID Erhverv only behind its flag (R37)" })
  async approve(@Param('id', CaseIdPipe) id: string, @Body() dto: SignAsCompanyDto, @CurrentPrincipal() principal: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const act = actOnGrant(id, commandContextOf(req, principal), ({ actor, now, config }) => ({
      type: 'ApproveGrantAsCompany',
      method: dto.method ?? 'nemid-employee-signature',
      mitidBusinessEnabled: config.features.mitidErhverv,
      actor,
      now,
    }));
    return this.responder.respond(res, await this.commands.execute(act), principal);
  }
}
