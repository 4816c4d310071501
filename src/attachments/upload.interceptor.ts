import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import multer from 'multer';
import { Observable, from, switchMap } from 'rxjs';
import { APP_CONFIG, AppConfig } from '../platform/config/config';
import { ProblemError } from '../platform/http/problems';
import { checkFile } from './file-types';

export interface UploadedFile {
  fileName: string;
  content: Buffer;
  contentType: string;
}

declare module 'express-serve-static-core' {
  interface Request {
    upload?: UploadedFile;
  }
}

/**
 * Reads one multipart file (field `file`) into memory, up to ATTACHMENT_LIMIT_BYTES (D12),
 * and checks its type by content (R51). The other multipart fields become the body.
 */
@Injectable()
export class UploadInterceptor implements NestInterceptor {
  private readonly parse: ReturnType<ReturnType<typeof multer>['single']>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.parse = multer({ storage: multer.memoryStorage(), limits: { fileSize: config.attachmentLimitBytes, files: 1, fields: 20 } }).single('file');
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    return from(this.read(req, res)).pipe(switchMap(() => next.handle()));
  }

  private async read(req: Request, res: Response): Promise<void> {
    if (!req.is('multipart/form-data')) throw new ProblemError('validation', 'Send the file as multipart/form-data in the field "file"', 'upload-format', 'file');
    await new Promise<void>((resolve, reject) =>
      this.parse(req, res, (error?: unknown) => {
        const code = (error as { code?: string } | undefined)?.code;
        if (code === 'LIMIT_FILE_SIZE') {
          reject(new ProblemError('payload-too-large', `The file exceeds ${this.config.attachmentLimitBytes} bytes`, 'D12', 'file', { limitBytes: this.config.attachmentLimitBytes }));
        } else if (error) reject(new ProblemError('validation', `The upload could not be read: ${(error as Error).message}`, 'upload-format', 'file'));
        else resolve();
      }),
    );
    const file = (req as Request & { file?: { originalname: string; buffer: Buffer } }).file;
    if (!file) throw new ProblemError('validation', 'The multipart field "file" is missing', 'upload-format', 'file');
    // Browsers send the name in latin1 per the multipart spec; Danish names need it back in UTF-8.
    const fileName = Buffer.from(file.originalname, 'latin1').toString('utf8');
    const check = checkFile(fileName, file.buffer);
    if (!check.ok) throw new ProblemError('rule-violation', check.reason, 'D12', 'file');
    req.upload = { fileName, content: file.buffer, contentType: check.type.contentType };
  }
}
