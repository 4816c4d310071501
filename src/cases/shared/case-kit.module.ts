import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ActOnCaseHandler } from './act-on-case';

/** The shared case kit's one handler; slices import this module instead of writing their own act handler. */
@Module({
  imports: [CqrsModule],
  providers: [ActOnCaseHandler],
})
export class CaseKitModule {}
