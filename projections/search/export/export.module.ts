import { Module } from '@nestjs/common';
import { ExportController } from './export.controller';
import { ExportWorker } from './export-worker';

/** Excel export of the search lists (issue 6): the endpoints and the background job worker. */
@Module({
  controllers: [ExportController],
  providers: [ExportWorker],
  exports: [ExportWorker],
})
export class ExportModule {}
