import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { searchListById } from '../engine/search-lists';
import { ExportJob } from './export-jobs';

export const exportJobLink = (id: string) => `/api/exports/${id}`;

/** An export job as its owner sees it: progress, the reason of a failure, the file's link once done. */
export class ExportJobResource {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'The list exported' }) list!: string;
  @ApiProperty() listTitle!: string;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed', 'expired'] }) status!: string;
  @ApiProperty({ description: 'Rows written so far (of the run in progress)' }) rowsWritten!: number;
  @ApiProperty({ description: 'Rows the file will hold (counted when the job was queued, then in the run’s snapshot)' }) rowsTotal!: number;
  @ApiProperty({ description: 'Runs started, a run interrupted by a lost worker included' }) attempts!: number;
  @ApiProperty({ nullable: true, type: String, description: 'Why the job failed (or why its last run stopped)' }) error!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) startedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) finishedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'When the file is deleted' }) expiresAt!: string | null;
  @ApiPropertyOptional({ description: '`self`, and `download` once the job is done' }) links!: { self: string; download?: string };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function exportJobResource(job: ExportJob): ExportJobResource {
  const self = exportJobLink(job.id);
  return {
    id: job.id,
    list: job.listId,
    listTitle: searchListById(job.listId)?.title ?? job.listId,
    status: job.status,
    rowsWritten: job.rowsWritten,
    rowsTotal: job.rowsTotal,
    attempts: job.attempts,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    startedAt: iso(job.startedAt),
    finishedAt: iso(job.finishedAt),
    expiresAt: iso(job.expiresAt),
    links: job.status === 'done' ? { self, download: `${self}/file` } : { self },
  };
}
