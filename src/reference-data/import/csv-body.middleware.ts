import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { APP_CONFIG, AppConfig } from '../../platform/config/config';
import { textBodyParser } from '../../platform/http/body-parsing';

/**
 * Reads text/csv bodies of the import routes as a string, up to REFERENCE_IMPORT_LIMIT_BYTES.
 * The app's JSON parser leaves them unread, and a global text parser would let every route
 * accept 20 MB. It runs before the guards (like the JSON parser) so that the Idempotency-Key
 * hash covers the CSV too.
 */
@Injectable()
export class CsvBodyMiddleware implements NestMiddleware {
  private readonly parse: RequestHandler;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.parse = textBodyParser('text/csv', config.referenceImportLimitBytes);
  }

  use(req: Request, res: Response, next: NextFunction): void {
    void this.parse(req, res, next);
  }
}
