import { Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { FileRef } from '../cases/shared/attachment.events';
import { sendProblem, toProblem } from '../platform/http/problem-details.filter';
import { NotFoundError, ProblemError } from '../platform/http/problems';
import { BlobStore } from './blob-store';

const logger = new Logger('Attachments');

/** True when an If-None-Match list names this entity tag (weak comparison, RFC 9110 13.1.2) or is `*`. */
function noneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** The single byte range to send, null for the whole file, or 'unsatisfiable' (RFC 9110 14). */
function requestedRange(req: Request, size: number, etag: string): { start: number; end: number } | 'unsatisfiable' | null {
  if (!req.headers.range) return null;
  // A Range that depends on another version of the file (If-Range) gets the whole file.
  const ifRange = req.headers['if-range'];
  if (ifRange !== undefined && String(ifRange).trim() !== etag) return null;
  const ranges = req.range(size, { combine: true });
  if (ranges === -1) return 'unsatisfiable';
  // Malformed, another unit, or several ranges (multipart/byteranges is not offered): the whole file.
  if (ranges === undefined || ranges === -2 || ranges.type !== 'bytes' || ranges.length !== 1) return null;
  return { start: ranges[0].start, end: ranges[0].end };
}

/**
 * Sends one of a case's files byte-identical (R46), or a 404 when the case does not name it.
 * Streamed chunk by chunk (memory stays at about two chunks however large the file); `ETag` is
 * the SHA-256, a matching `If-None-Match` is a 304, and one `Range` of bytes is a 206 with its
 * `Content-Range` (416 when it lies outside the file).
 */
export async function sendStoredFile(req: Request, res: Response, blobs: BlobStore, files: FileRef[], sha256: string): Promise<void> {
  const ref = files.find((f) => f.sha256 === sha256);
  // The case names it, so its event is appended: a file still staged (the promotion never ran) is adopted now.
  const blob = ref && ((await blobs.open(sha256)) ?? ((await blobs.adoptStaged(sha256)) ? await blobs.open(sha256) : null));
  if (!ref || !blob) throw new NotFoundError('Attachment', sha256);
  const etag = `"${sha256}"`;
  res.setHeader('ETag', etag);
  res.setHeader('Accept-Ranges', 'bytes');
  if (noneMatch(req.headers['if-none-match'], etag)) {
    res.status(304).end();
    return;
  }
  const range = requestedRange(req, blob.size, etag);
  if (range === 'unsatisfiable') {
    res.setHeader('Content-Range', `bytes */${blob.size}`);
    const detail = `The range ${String(req.headers.range).slice(0, 100)} lies outside the file's ${blob.size} bytes`;
    const problem = toProblem(new ProblemError('validation', detail, 'range', 'Range', { size: blob.size }), req.originalUrl);
    sendProblem(res, { ...problem, type: 'urn:vitas:problem:range-not-satisfiable', title: 'Range Not Satisfiable', status: 416 });
    return;
  }
  const { start, end } = range ?? { start: 0, end: blob.size - 1 };
  res.status(range ? 206 : 200);
  if (range) res.setHeader('Content-Range', `bytes ${start}-${end}/${blob.size}`);
  res.setHeader('Content-Type', ref.contentType);
  res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(ref.fileName)}`);
  res.setHeader('Content-Length', String(end - start + 1));
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  res.flushHeaders();
  try {
    for await (const chunk of blob.read(start, end)) {
      if (res.destroyed) return; // the client went away
      if (!res.write(chunk)) await drained(res);
    }
    res.end();
  } catch (error) {
    // The headers are out: all that is left is to cut the response short, so the client sees it is incomplete.
    logger.error({ sha256, err: error instanceof Error ? error.message : String(error) }, 'sending a stored file failed');
    res.destroy();
  }
}

/** Resolves when the response takes more bytes again, or is gone. */
function drained(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
