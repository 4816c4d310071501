import { Logger } from '@nestjs/common';
import { DomainEvent } from '../platform/events/decider';
import { ProblemError } from '../platform/http/problems';
import { BlobStore } from './blob-store';
import { UploadedFile } from './upload.interceptor';

const logger = new Logger('Attachments');

/** True when `value` (an event's data) names the file with this SHA-256 anywhere in it. */
export function namesFile(value: unknown, sha256: string): boolean {
  if (Array.isArray(value)) return value.some((v) => namesFile(v, sha256));
  if (value === null || typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  return record.sha256 === sha256 || Object.values(record).some((v) => namesFile(v, sha256));
}

/**
 * Runs the command that is to name a staged upload and makes the file part of the store only
 * once that command appended an event naming it (issue 11): a refused command (a 4xx: wrong
 * status, a rule, a role the decider refuses) deletes the staged file at once, and a command that
 * names nothing new (the same bytes again) leaves the store as it was. When the outcome is unclear
 * (the database went away mid-append) the file stays staged under the case's stream, and the
 * staging sweep promotes it if the stream names it or deletes it if not.
 */
export async function commitStagedFile<R extends { events: DomainEvent[] }>(blobs: BlobStore, upload: UploadedFile, streamId: string, command: () => Promise<R>): Promise<R> {
  upload.claimed = true;
  await blobs.claim(upload.storageId, streamId);
  let result: R;
  try {
    result = await command();
  } catch (error) {
    if (error instanceof ProblemError && error.kind !== 'unavailable') await blobs.discard(upload.storageId).catch(() => undefined);
    throw error;
  }
  if (result.events.some((e) => namesFile(e.data, upload.sha256))) {
    // Only if the command outlived ATTACHMENT_STAGING_TTL_MS and the sweep took the file meanwhile.
    if (!(await blobs.promote(upload))) logger.error({ sha256: upload.sha256, streamId }, 'a staged file was swept before the event naming it was appended');
  } else await blobs.discard(upload.storageId);
  return result;
}
