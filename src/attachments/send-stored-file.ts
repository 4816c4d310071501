import type { Response } from 'express';
import { FileRef } from '../cases/shared/attachment.events';
import { NotFoundError } from '../platform/http/problems';
import { BlobStore } from './blob-store';

/** Sends one of a case's files byte-identical (R46), or a 404 when the case does not name it. */
export async function sendStoredFile(res: Response, blobs: BlobStore, files: FileRef[], sha256: string): Promise<void> {
  const ref = files.find((f) => f.sha256 === sha256);
  const blob = ref && (await blobs.get(sha256));
  if (!ref || !blob) throw new NotFoundError('Attachment', sha256);
  res.setHeader('Content-Type', ref.contentType);
  res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(ref.fileName)}`);
  res.setHeader('ETag', `"${sha256}"`);
  res.send(blob.content);
}
