import { Module } from '@nestjs/common';
import { CodeListsController } from './code-lists.controller';
import { CodeLists } from './code-lists.service';

/** Issue 13 item 3: the registries' code lists for frontends, read-only. */
@Module({
  controllers: [CodeListsController],
  providers: [CodeLists],
})
export class CodeListsModule {}
