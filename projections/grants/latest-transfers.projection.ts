/**
 * The latest transfer (R33) of each case of one type: `<key>`, `to_jobcentre`, `transferred_at`.
 * A `FollowParentTransferProcess` joins it with its followers' read model to find the cases that
 * must follow their parent (D22; R33 for supplementary grants). Only that type's streams count.
 */
import { CaseTransferredToJobcentre } from '../../src/cases/shared/case.events';
import { Projection } from '../runner/projection';

export type LatestTransferRow<K extends string> = Record<K, string> & { to_jobcentre: string; transferred_at: string };

export function latestTransfersProjection<K extends string>(table: string, key: K, streamPrefix: string): Projection<LatestTransferRow<K>> {
  return {
    name: table,
    table,
    key,
    columns: [
      { name: key, type: 'text' },
      { name: 'to_jobcentre', type: 'text', nullable: false },
      { name: 'transferred_at', type: 'timestamptz', nullable: false },
    ],
    handles: ['CaseTransferredToJobcentre'],
    keyOf: (event) => String(event.data.caseId),
    evolve(row, recorded) {
      if (!recorded.streamId.startsWith(streamPrefix)) return row;
      const { caseId, to, transferredAt } = (recorded as unknown as CaseTransferredToJobcentre).data;
      return { [key]: caseId, to_jobcentre: to, transferred_at: transferredAt } as LatestTransferRow<K>;
    },
  };
}
