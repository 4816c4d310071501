import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req, Res, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { Request, Response } from 'express';
import { BlobStore } from '../../../attachments/blob-store';
import { sendStoredFile } from '../../../attachments/send-stored-file';
import { commitStagedFile } from '../../../attachments/staged-file';
import { UploadInterceptor } from '../../../attachments/upload.interceptor';
import { CurrentPrincipal } from '../../../platform/auth/current-principal.decorator';
import { Principal } from '../../../platform/auth/principal';
import { Roles } from '../../../platform/auth/roles.decorator';
import { commandContextOf } from '../../../platform/commands/request-command-context';
import { EVENT_STORE, EventStore } from '../../../platform/event-store/event-store.port';
import { EventRegistry } from '../../../platform/events/event-registry';
import { ApproveWithFileDto } from '../../shared/approve-with-file.dto';
import { CaseIdPipe, Sha256Pipe } from '../../shared/case-id.pipe';
import { loadCase } from '../../shared/load-case';
import { actOnGrant } from '../act-on-grant';
import { grantCase } from '../grant.case';
import { GrantResponder } from '../grant.respond';
import { assertMayReadGrant } from '../grant.view';

export class ApproveGrantWithFileDto extends ApproveWithFileDto {
  @ApiProperty({ enum: ['company', 'citizen'], description: "Whose approval the file holds; 'citizen' only on Personlig assistent grants (R57)" })
  @IsIn(['company', 'citizen'])
  party: 'company' | 'citizen';
}

/** 'Godkend med bilag' on Mentor, Hjælpemiddel and PA grants (R56, R57), and the stored files (stored once the approval's event is appended). */
@ApiTags('grants')
@ApiBearerAuth()
@Controller('api/grants')
export class GrantApprovalFileController {
  constructor(
    private readonly commands: CommandBus,
    private readonly responder: GrantResponder,
    private readonly blobs: BlobStore,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly registry: EventRegistry,
  ) {}

  @Post(':id/approve-with-file')
  @HttpCode(200)
  @Roles('company-support')
  @UseInterceptors(UploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: "'Godkend med bilag': company support uploads the company's (or, for PA, the citizen's) approval (R56, R57)" })
  async approve(@Param('id', CaseIdPipe) id: string, @Body() dto: ApproveGrantWithFileDto, @CurrentPrincipal() principal: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const upload = req.upload!;
    const file = { sha256: upload.sha256, size: upload.size, fileName: upload.fileName, contentType: upload.contentType };
    const act = actOnGrant(id, commandContextOf(req, principal), ({ actor, now }) => ({
      type: 'ApproveGrantWithFile', party: dto.party, file, firstName: dto.firstName, lastName: dto.lastName, confirmed: dto.confirmed, verifierName: principal.name ?? null, actor, now,
    }));
    return this.responder.respond(res, await commitStagedFile(this.blobs, upload, grantCase.streamId(id), () => this.commands.execute(act)), principal);
  }

  @Get(':id/attachments/:sha256')
  @ApiOperation({ summary: 'An uploaded approval file, byte-identical, streamed, with its SHA-256 as ETag; one byte Range gives a 206' })
  async download(@Param('id', CaseIdPipe) id: string, @Param('sha256', Sha256Pipe) sha256: string, @CurrentPrincipal() principal: Principal, @Req() req: Request, @Res() res: Response) {
    const { state } = await loadCase(this.store, this.registry, grantCase, id);
    assertMayReadGrant(principal, state);
    await sendStoredFile(req, res, this.blobs, state.approvalFiles.map((a) => a.file), sha256);
  }
}
