import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../../../platform/auth/current-principal.decorator';
import { Principal } from '../../../platform/auth/principal';
import { Roles } from '../../../platform/auth/roles.decorator';
import { commandContextOf } from '../../../platform/commands/request-command-context';
import { actOnApplication } from '../act-on-application';
import { CaseIdPipe } from '../../shared/case-id.pipe';
import { respondWithApplication } from '../application.respond';
import { SignAsCompanyDto } from './sign-as-company.dto';

@ApiTags('applications')
@ApiBearerAuth()
@Controller('api/applications')
export class SignAsCompanyController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/sign-as-company')
  @HttpCode(200)
  @Roles('company')
  @ApiOperation({ summary: "'Underskriv som virksomhed': to the employee representative (D23) or received by the job centre (R31)" })
  async sign(@Param('id', CaseIdPipe) id: string, @Body() dto: SignAsCompanyDto, @CurrentPrincipal() principal: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const act = actOnApplication(id, commandContextOf(req, principal), ({ actor, now, config }) => ({
      type: 'SignApplicationAsCompany',
      method: dto.method ?? 'nemid-employee-signature',
      mitidBusinessEnabled: config.features.mitidErhverv,
      actor,
      now,
    }));
    return respondWithApplication(res, await this.commands.execute(act), principal);
  }
}
