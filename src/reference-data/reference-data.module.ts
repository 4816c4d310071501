import { MiddlewareConsumer, Module, NestModule, Global } from '@nestjs/common';
import { CsvBodyMiddleware } from './import/csv-body.middleware';
import { ImportReferenceDataController } from './import/import-reference-data.controller';
import { ReferenceDataImport } from './import/reference-data-import.service';
import { LookUpReferenceDataController } from './lookup/look-up-reference-data.controller';
import { ReferenceData } from './reference-data.service';

/**
 * Master data from the national registers (job centres, companies and P-units, citizens):
 * imports, paged lookups, and the ReferenceData service that case handlers inject.
 */
@Global()
@Module({
  controllers: [ImportReferenceDataController, LookUpReferenceDataController],
  providers: [ReferenceData, ReferenceDataImport],
  exports: [ReferenceData],
})
export class ReferenceDataModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // Only the imports read text/csv, with their own (larger) limit.
    consumer.apply(CsvBodyMiddleware).forRoutes(ImportReferenceDataController);
  }
}
