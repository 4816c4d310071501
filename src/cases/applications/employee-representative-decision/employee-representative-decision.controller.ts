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
import { RejectWithReasonDto } from './reject-as-employee-representative.dto';

/** The employee representative's step (R9, R31, D23). */
@ApiTags('applications')
@ApiBearerAuth()
@Controller('api/applications')
@Roles('employee-representative')
export class EmployeeRepresentativeDecisionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/sign-as-employee-representative')
  @HttpCode(200)
  @ApiOperation({ summary: "The representative signs; the job centre receives the application that day ('Modtaget dato', R31)" })
  async sign(@Param('id', CaseIdPipe) id: string, @CurrentPrincipal() principal: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const act = actOnApplication(id, commandContextOf(req, principal), ({ actor, now }) => ({ type: 'SignApplicationAsEmployeeRep', actor, now }));
    return respondWithApplication(res, await this.commands.execute(act), principal);
  }

  @Post(':id/reject-as-employee-representative')
  @HttpCode(200)
  @ApiOperation({ summary: "The representative rejects: 'Afvist af medarbejder-rep' (R9)" })
  async reject(@Param('id', CaseIdPipe) id: string, @Body() dto: RejectWithReasonDto, @CurrentPrincipal() principal: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const act = actOnApplication(id, commandContextOf(req, principal), ({ actor, now }) => ({ type: 'RejectApplicationAsEmployeeRep', reason: dto.reason, actor, now }));
    return respondWithApplication(res, await this.commands.execute(act), principal);
  }
}
