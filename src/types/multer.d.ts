// The few parts of multer (a dependency of @nestjs/platform-express) that the upload interceptor uses.
declare module 'multer' {
  import type { RequestHandler } from 'express';
  interface Options {
    storage?: unknown;
    limits?: { fileSize?: number; files?: number; fields?: number; fieldSize?: number };
  }
  interface Multer {
    single(field: string): RequestHandler;
  }
  function multer(options?: Options): Multer;
  namespace multer {
    function memoryStorage(): unknown;
  }
  export = multer;
}
