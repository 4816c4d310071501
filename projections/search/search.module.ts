import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CaseKitModule } from '../../src/cases/shared/case-kit.module';
import { BulkSetResponsibleController } from './bulk-set-responsible/bulk-set-responsible.controller';
import { EmployerTasksController } from './employer-tasks.controller';
import { SearchController } from './search.controller';

/** The search lists, the bubbles, the employer tasks and bulk 'Sæt ansvarlig' (issue 5) on `search_cases`. */
@Module({
  imports: [CqrsModule, CaseKitModule],
  controllers: [SearchController, BulkSetResponsibleController, EmployerTasksController],
})
export class SearchModule {}
