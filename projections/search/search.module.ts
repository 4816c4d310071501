import { Module } from '@nestjs/common';
import { EmployerTasksController } from './employer-tasks.controller';
import { SearchController } from './search.controller';

/** The search lists, the bubbles and the employer tasks (issue 5) on `search_cases`. Read side only: bulk 'Sæt ansvarlig' is src/cases/bulk-set-responsible/. */
@Module({
  controllers: [SearchController, EmployerTasksController],
})
export class SearchModule {}
