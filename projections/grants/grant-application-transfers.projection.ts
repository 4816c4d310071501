/**
 * `grant_application_transfers`: the latest transfer of each application that has moved to
 * another job centre (R33). The D22 process joins it with `grants` to find refused grants that
 * must follow their application. Only application streams count.
 */
import { CaseTransferredToJobcentre } from '../../src/cases/shared/case.events';
import { Projection } from '../runner/projection';

export interface GrantApplicationTransferRow extends Record<string, unknown> {
  application_id: string;
  to_jobcentre: string;
  transferred_at: string;
}

export const grantApplicationTransfersProjection: Projection<GrantApplicationTransferRow> = {
  name: 'grant_application_transfers',
  table: 'grant_application_transfers',
  key: 'application_id',
  columns: [
    { name: 'application_id', type: 'text' },
    { name: 'to_jobcentre', type: 'text', nullable: false },
    { name: 'transferred_at', type: 'timestamptz', nullable: false },
  ],
  handles: ['CaseTransferredToJobcentre'],
  keyOf: (event) => String(event.data.caseId),
  evolve(row, recorded) {
    if (!recorded.streamId.startsWith('application-')) return row;
    const { caseId, to, transferredAt } = (recorded as unknown as CaseTransferredToJobcentre).data;
    return { application_id: caseId, to_jobcentre: to, transferred_at: transferredAt };
  },
};
