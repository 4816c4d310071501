import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import multer from 'multer';
import type { Readable } from 'node:stream';
import { Observable, catchError, defer, from, mergeMap, switchMap, throwError } from 'rxjs';
import { APP_CONFIG, AppConfig } from '../platform/config/config';
import { ProblemError } from '../platform/http/problems';
import { BlobStore, StagedBlob } from './blob-store';
import { StreamingFileCheck, typeByName } from './file-types';

/** An upload in the staging area: checked, hashed and stored, but part of the store only once an event names it. */
export interface UploadedFile extends StagedBlob {
  fileName: string;
  /** Set once a handler's command has taken charge of the staged file (staged-file.ts). */
  claimed?: boolean;
}

declare module 'express-serve-static-core' {
  interface Request {
    upload?: UploadedFile;
  }
}

/** Storing the upload failed for a reason of ours, not a fault of the upload. */
class StagingFailed extends Error {
  constructor(override readonly cause: unknown) {
    super('the upload could not be stored');
  }
}

/** A failure of the store's (the database's), not of the upload: a 503 or 500, never the caller's 400. */
const ours = <T>(work: Promise<T>): Promise<T> =>
  work.catch((error: unknown) => {
    throw new StagingFailed(error);
  });

/** The part of a multer file a storage engine sees. */
interface IncomingFile {
  originalname: string;
  stream: Readable & { truncated?: boolean };
}

/**
 * Streams one multipart file (field `file`) into the blob store's staging area, up to
 * ATTACHMENT_LIMIT_BYTES (D12, 413), hashing it and checking its type by content (R51) as it
 * arrives: a file refused by its first bytes is never written. The other multipart fields become
 * the body. Memory per upload is about one chunk, whatever the file's size. An upload the handler
 * did not hand to a command (the body was invalid, say) is deleted when the request ends.
 */
@Injectable()
export class UploadInterceptor implements NestInterceptor {
  private readonly parse: ReturnType<ReturnType<typeof multer>['single']>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly blobs: BlobStore,
  ) {
    const storage = {
      _handleFile: (_req: Request, file: IncomingFile, cb: (error: unknown, info?: Partial<UploadedFile>) => void) => {
        this.stage(file).then(
          (info) => cb(null, info),
          (error: unknown) => cb(error),
        );
      },
      _removeFile: (_req: Request, file: Partial<UploadedFile>, cb: (error: unknown) => void) => {
        if (!file.storageId) return cb(null);
        this.blobs.discard(file.storageId).then(() => cb(null), cb);
      },
    };
    this.parse = multer({ storage, limits: { fileSize: config.attachmentLimitBytes, files: 1, fields: 20 } }).single('file');
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    return defer(() => this.read(req, res)).pipe(
      switchMap(() => next.handle()),
      mergeMap(async (value) => {
        await this.dropUnclaimed(req);
        return value;
      }),
      catchError((error: unknown) => from(this.dropUnclaimed(req)).pipe(switchMap(() => throwError(() => error)))),
    );
  }

  /** The handler failed before a command took the file (or never meant to): nothing names it, so it goes. */
  private async dropUnclaimed(req: Request): Promise<void> {
    const upload = req.upload;
    if (!upload || upload.claimed) return;
    upload.claimed = true;
    await this.blobs.discard(upload.storageId).catch(() => undefined); // the sweep deletes it otherwise
  }

  private async stage(file: IncomingFile): Promise<Partial<UploadedFile>> {
    // Browsers send the name in latin1 per the multipart spec; Danish names need it back in UTF-8.
    const fileName = Buffer.from(file.originalname, 'latin1').toString('utf8');
    const named = typeByName(fileName);
    if (!named.ok) throw new ProblemError('rule-violation', named.reason, 'D12', 'file');
    const check = new StreamingFileCheck(fileName, named.type);
    const writer = this.blobs.stage();
    try {
      // Not destroyed when a check refuses it: multer would report the abort instead of the refusal.
      for await (const chunk of file.stream.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
        const refused = check.update(chunk);
        if (refused) throw new ProblemError('rule-violation', refused, 'D12', 'file');
        await ours(writer.write(chunk));
      }
      // Over the limit: busboy cut the file short and multer answers 413 (LIMIT_FILE_SIZE).
      if (file.stream.truncated) throw new Error('the file exceeds the limit');
      const refused = check.end();
      if (refused) throw new ProblemError('rule-violation', refused, 'D12', 'file');
      return { fileName, ...(await ours(writer.finish(named.type.contentType))) };
    } catch (error) {
      file.stream.resume(); // the rest of the file is read and dropped
      await writer.discard().catch(() => undefined); // the sweep deletes it otherwise
      throw error;
    }
  }

  private async read(req: Request, res: Response): Promise<void> {
    if (!req.is('multipart/form-data')) throw new ProblemError('validation', 'Send the file as multipart/form-data in the field "file"', 'upload-format', 'file');
    await new Promise<void>((resolve, reject) =>
      this.parse(req, res, (error?: unknown) => {
        const code = (error as { code?: string } | undefined)?.code;
        if (code === 'LIMIT_FILE_SIZE') {
          reject(new ProblemError('payload-too-large', `The file exceeds ${this.config.attachmentLimitBytes} bytes`, 'D12', 'file', { limitBytes: this.config.attachmentLimitBytes }));
        } else if (error instanceof ProblemError) reject(error);
        else if (error instanceof StagingFailed) reject(error.cause); // ours (the database), not the caller's: 503 or 500
        else if (error) reject(new ProblemError('validation', `The upload could not be read: ${(error as Error).message}`, 'upload-format', 'file'));
        else resolve();
      }),
    );
    const file = (req as Request & { file?: UploadedFile }).file;
    if (!file) throw new ProblemError('validation', 'The multipart field "file" is missing', 'upload-format', 'file');
    req.upload = { fileName: file.fileName, storageId: file.storageId, sha256: file.sha256, size: file.size, contentType: file.contentType };
  }
}
