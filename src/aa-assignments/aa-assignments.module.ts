import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { GetAssignmentsController } from './get-assignments/get-assignments.controller';
import { RecordAssignmentsController } from './record-assignments/record-assignments.controller';
import { RecordAssignmentsHandler } from './record-assignments/record-assignments.handler';

/**
 * DFDG's assignments of citizens to an Anden Aktør, recorded as events so that what an AA may
 * see follows their history (R12, R13, D8, D17). The read model is projections/aa-assignments.
 */
@Module({
  imports: [CqrsModule],
  controllers: [RecordAssignmentsController, GetAssignmentsController],
  providers: [RecordAssignmentsHandler],
})
export class AaAssignmentsModule {}
