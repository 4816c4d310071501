/**
 * Excel export of every search list and 'Søg' tab (issue 6, R19–R22, D11): the list's rows in its
 * order with the role's visible columns; up to EXPORT_STREAM_MAX_ROWS streamed straight back,
 * above it a background job the client polls (202 with the job's URL).
 */
import { Controller, Get, Inject, Injectable, Logger, Param, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse, ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { DataSource } from 'typeorm';
import { CurrentPrincipal } from '../../../src/platform/auth/current-principal.decorator';
import { Principal } from '../../../src/platform/auth/principal';
import { CLOCK, Clock } from '../../../src/platform/clock/clock';
import { danishDate } from '../../../src/platform/clock/dates';
import { APP_CONFIG, AppConfig } from '../../../src/platform/config/config';
import { NotFoundError, ProblemError } from '../../../src/platform/http/problems';
import { IdentifierPipe } from '../../../src/platform/validation/identifier.pipe';
import { countSearch } from '../engine/search-engine';
import { SEARCH_LIST_IDS, SearchListDefinition, searchListById } from '../engine/search-lists';
import { SearchListPipe } from '../search.controller';
import { SearchQueryDto } from '../search-query.dto';
import { exportFileName } from './export-cells';
import { readExportFile } from './export-file-store';
import { ExportJobResource, exportJobLink, exportJobResource } from './export-job.resource';
import { ExportJob, findOwnJob, queueJob } from './export-jobs';
import { ExportRequest, exportPlan, rowQuery } from './export-rows';
import { ExportWorker } from './export-worker';
import { writeExport } from './write-export';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An export job id in the path must be a UUID; anything else is a 400 naming the field. */
@Injectable()
export class ExportJobIdPipe extends IdentifierPipe {
  constructor() {
    super('uuid', 'an export job id (a UUID)', 'export-job-id-format');
  }
}

const XLSX_BODY = { [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } };

@ApiTags('search')
@ApiBearerAuth()
@Controller('api')
export class ExportController {
  private readonly logger = new Logger('Export');

  constructor(
    private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly worker: ExportWorker,
  ) {}

  @Get('search/:list/export')
  @ApiParam({ name: 'list', enum: SEARCH_LIST_IDS })
  @ApiOperation({
    summary: "Excel export of a list or 'Søg' tab (R19, R22, D11): the same query parameters as the list (page and pageSize are ignored)",
    description:
      "The list's rows in its order, with the caller's visible columns and AA masking (R10, R12, R22); 'Bevillinger' as two sheets, 'Bevillinger' and 'Tillægsbevillinger' (R21). " +
      'Up to EXPORT_STREAM_MAX_ROWS rows (5,000) the .xlsx streams straight back; above it the answer is 202 with the job (Location: /api/exports/{id}) to poll.',
  })
  @ApiProduces(XLSX_CONTENT_TYPE, 'application/json')
  @ApiOkResponse({ description: 'The .xlsx file', content: XLSX_BODY })
  @ApiAcceptedResponse({ description: 'Too many rows to stream: a background job was queued', type: ExportJobResource, headers: { Location: { description: '/api/exports/{id}', schema: { type: 'string' } } } })
  @ApiConflictResponse({ description: 'EXPORT_MAX_CONCURRENT_JOBS_PER_USER: the caller already has that many jobs queued or running' })
  async export(@Param('list', SearchListPipe) list: SearchListDefinition, @Query() query: SearchQueryDto, @CurrentPrincipal() principal: Principal, @Res() res: Response): Promise<void> {
    const req: ExportRequest = { list, principal, query: rowQuery(query), today: danishDate(this.clock.now()) };
    const total = await countSearch(this.db, exportPlan(req)); // the list's own 403s and 400s come first
    if (total > this.config.exports.streamMaxRows) {
      const job = await queueJob(this.db, { principal, listId: list.id, query: req.query, today: req.today, rowsTotal: total }, this.clock.now(), this.config.exports.maxConcurrentJobsPerUser);
      this.worker.kick();
      res.status(202).location(exportJobLink(job.id)).json(exportJobResource(job));
      return;
    }
    await this.stream(req, res);
  }

  @Get('exports/:id')
  @ApiOperation({ summary: 'An export job of the caller: status, rowsWritten of rowsTotal, error, and links.download once done (another user’s job is a 404)' })
  @ApiOkResponse({ type: ExportJobResource })
  @ApiNotFoundResponse({ description: 'No such job of the caller' })
  async job(@Param('id', ExportJobIdPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<ExportJobResource> {
    return exportJobResource(await this.ownJob(id, principal));
  }

  @Get('exports/:id/file')
  @ApiOperation({ summary: "The file of a done export job; a job that is queued, running or failed serves none (409), an expired one's file is gone (404)" })
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOkResponse({ description: 'The .xlsx file', content: XLSX_BODY })
  @ApiConflictResponse({ description: 'The job is not done (export-not-ready) or failed (export-failed)' })
  @ApiNotFoundResponse({ description: 'No such job of the caller, or its file expired (export-expired)' })
  async file(@Param('id', ExportJobIdPipe) id: string, @CurrentPrincipal() principal: Principal, @Res() res: Response): Promise<void> {
    const job = await this.ownJob(id, principal);
    const now = this.clock.now();
    if (job.status === 'queued' || job.status === 'running') {
      throw new ProblemError('conflict', `Export job ${id} is ${job.status} (${job.rowsWritten} of ${job.rowsTotal} rows); poll ${exportJobLink(id)} until it is done`, 'export-not-ready', 'id', { jobStatus: job.status });
    }
    if (job.status === 'failed') throw new ProblemError('conflict', `Export job ${id} failed and has no file: ${job.error}`, 'export-failed', 'id', { jobStatus: job.status, error: job.error });
    if (job.status === 'expired' || !job.fileKey || (job.expiresAt && job.expiresAt <= now)) {
      throw new ProblemError('not-found', `The file of export job ${id} expired and was deleted; export the list again`, 'export-expired', 'id', { jobStatus: 'expired' });
    }
    const list = searchListById(job.listId);
    res.status(200).setHeader('Content-Type', XLSX_CONTENT_TYPE);
    res.setHeader('Content-Length', String(job.fileBytes));
    res.setHeader('Content-Disposition', exportFileName(list?.title ?? job.listId, job.today).contentDisposition);
    res.setHeader('Cache-Control', 'private, no-store');
    try {
      for await (const chunk of readExportFile(this.db, job.fileKey, job.fileChunks ?? 0)) {
        if (res.destroyed) return;
        if (!res.write(chunk)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
      }
      res.end();
    } catch (error) {
      if (!res.headersSent) {
        res.removeHeader('Content-Disposition');
        res.removeHeader('Content-Length');
        throw error;
      }
      this.logger.error({ job: id, err: String(error) }, 'export download broke off');
      res.destroy();
    }
  }

  private async ownJob(id: string, principal: Principal): Promise<ExportJob> {
    const job = await findOwnJob(this.db, id, principal);
    if (!job) throw new NotFoundError('Export job', id);
    return job;
  }

  /** D11: a result up to the threshold streams straight back; an error after the first byte cuts the answer off (never a complete-looking file). */
  private async stream(req: ExportRequest, res: Response): Promise<void> {
    const pass = new PassThrough();
    const closedEarly = () => pass.writableFinished || pass.destroy(new Error('the client went away before the file was complete'));
    try {
      await writeExport(this.db, req, () => {
        res.status(200).setHeader('Content-Type', XLSX_CONTENT_TYPE);
        res.setHeader('Content-Disposition', exportFileName(req.list.title, req.today).contentDisposition);
        res.setHeader('Cache-Control', 'private, no-store');
        res.once('close', closedEarly);
        pass.pipe(res);
        return pass;
      });
    } catch (error) {
      res.off('close', closedEarly);
      pass.unpipe(res);
      if (!res.headersSent) {
        res.removeHeader('Content-Disposition');
        throw error;
      }
      if (!res.destroyed) this.logger.error({ list: req.list.id, err: String(error) }, 'streamed export broke off');
      res.destroy();
    }
  }
}
