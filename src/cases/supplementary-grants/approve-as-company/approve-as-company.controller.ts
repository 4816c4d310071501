import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
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
import { ApproveSupplementaryGrantAsCompanyDto } from './approve-as-company.dto';

@ApiTags('supplementary-grants')
@ApiBearerAuth()
@Controller('api/supplementary-grants')
export class ApproveSupplementaryGrantAsCompanyController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/approve-as-company')
  @HttpCode(200)
  @Roles('company')
  @ApiOperation({ summary: "The company approves (NemID employee signature; MitID Erhverv behind its flag, R37): 'Aktiv'" })
  async approve(@Param('id', CaseIdPipe) id: string, @Body() dto: ApproveSupplementaryGrantAsCompanyDto, @CurrentPrincipal() principal: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const act = actOnSupplementaryGrant(id, commandContextOf(req, principal), ({ actor, now, config }) => ({
      type: 'ApproveSupplementaryGrantAsCompany',
      method: dto.method ?? 'nemid-employee-signature',
      mitidBusinessEnabled: config.features.mitidErhverv,
      actor,
      now,
    }));
    return respondWithSupplementaryGrant(res, await this.commands.execute(act), principal);
  }
}
