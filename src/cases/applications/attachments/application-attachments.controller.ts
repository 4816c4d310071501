import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req, Res, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { BlobStore } from '../../../attachments/blob-store';
import { sendStoredFile } from '../../../attachments/send-stored-file';
import { commitStagedFile } from '../../../attachments/staged-file';
import { UploadedFile, UploadInterceptor } from '../../../attachments/upload.interceptor';
import { CurrentPrincipal } from '../../../platform/auth/current-principal.decorator';
import { Principal } from '../../../platform/auth/principal';
import { Roles } from '../../../platform/auth/roles.decorator';
import { commandContextOf } from '../../../platform/commands/request-command-context';
import { EVENT_STORE, EventStore } from '../../../platform/event-store/event-store.port';
import { EventRegistry } from '../../../platform/events/event-registry';
import { CaseIdPipe, Sha256Pipe } from '../../shared/case-id.pipe';
import { actOnApplication } from '../act-on-application';
import { loadCase } from '../../shared/load-case';
import { applicationCase } from '../application.case';
import { respondWithApplication } from '../application.respond';
import { assertMayRead } from '../application.view';
import { ApproveWithFileDto } from '../../shared/approve-with-file.dto';

/**
 * Attachments (R46) and 'Godkend med bilag' (R49–R53). The upload is staged while it streams in and
 * joins the store only once the command appended the event that names it (commitStagedFile).
 */
@ApiTags('applications')
@ApiBearerAuth()
@Controller('api/applications')
export class ApplicationAttachmentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly blobs: BlobStore,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly registry: EventRegistry,
  ) {}

  /** Runs the act that names the staged upload; the file is stored once its event is appended. */
  private withFile(id: string, upload: UploadedFile, act: ReturnType<typeof actOnApplication>) {
    return commitStagedFile(this.blobs, upload, applicationCase.streamId(id), () => this.commands.execute(act));
  }

  @Post(':id/attachments')
  @HttpCode(201)
  @Roles('jobcentre', 'company')
  @UseInterceptors(UploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: 'Attach a file (multipart field "file"; R46: over 1 MB is fine, up to ATTACHMENT_LIMIT_BYTES)' })
  async add(@Param('id', CaseIdPipe) id: string, @CurrentPrincipal() principal: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const upload = req.upload!;
    const file = { sha256: upload.sha256, size: upload.size, fileName: upload.fileName, contentType: upload.contentType };
    const act = actOnApplication(id, commandContextOf(req, principal), ({ actor, now }) => ({ type: 'AddAttachment', file, actor, now }));
    return respondWithApplication(res, await this.withFile(id, upload, act), principal);
  }

  @Post(':id/approve-with-file')
  @HttpCode(200)
  @Roles('company-support')
  @UseInterceptors(UploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: "'Godkend med bilag': company support uploads the company's approval (fleksjob, jobrotation; R49–R53)" })
  async approveWithFile(@Param('id', CaseIdPipe) id: string, @Body() dto: ApproveWithFileDto, @CurrentPrincipal() principal: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const upload = req.upload!;
    const file = { sha256: upload.sha256, size: upload.size, fileName: upload.fileName, contentType: upload.contentType };
    const act = actOnApplication(id, commandContextOf(req, principal), ({ actor, now }) => ({
      type: 'ApproveApplicationWithFile', file, firstName: dto.firstName, lastName: dto.lastName, confirmed: dto.confirmed, verifierName: principal.name ?? null, actor, now,
    }));
    return respondWithApplication(res, await this.withFile(id, upload, act), principal);
  }

  @Get(':id/attachments/:sha256')
  @ApiOperation({ summary: 'The file, byte-identical to the upload (R46), streamed, with its SHA-256 as ETag; one byte Range gives a 206' })
  async download(@Param('id', CaseIdPipe) id: string, @Param('sha256', Sha256Pipe) sha256: string, @CurrentPrincipal() principal: Principal, @Req() req: Request, @Res() res: Response) {
    const { state } = await loadCase(this.store, this.registry, applicationCase, id);
    assertMayRead(principal, state);
    await sendStoredFile(req, res, this.blobs, [...state.attachments, ...(state.approvalFile ? [state.approvalFile.file] : [])], sha256);
  }
}
