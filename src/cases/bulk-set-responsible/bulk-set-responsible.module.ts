import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CaseKitModule } from '../shared/case-kit.module';
import { BulkSetResponsibleController } from './bulk-set-responsible.controller';

/**
 * Bulk 'Sæt ansvarlig' (R55) is a write-side act: one command per case through the case kit. It
 * asks the search engine only which cases the caller's list holds; the read side registers no
 * command handler and imports nothing of the write side.
 */
@Module({
  imports: [CqrsModule, CaseKitModule],
  controllers: [BulkSetResponsibleController],
})
export class BulkSetResponsibleModule {}
