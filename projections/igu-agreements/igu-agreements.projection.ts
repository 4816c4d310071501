/**
 * The `igu_agreements` read model ('IGU-aftaler', R4): one row per agreement, folded from its events.
 */
import { RecordedEvent } from '../../src/platform/event-store/event-store.port';
import { IGU_AGREEMENT_EVENT_TYPES, IguAgreementEvent } from '../../src/cases/igu-agreements/igu-agreement.events';
import { SHARED_CASE_EVENT_TYPES } from '../../src/cases/shared/case.events';
import { Projection } from '../runner/projection';
import { PARTY_COLUMNS, STAMP_COLUMNS, caseKeyOf, isSharedCaseEvent, sharedCaseChanges, toucher } from '../shared/case-row';

export interface IguAgreementRow extends Record<string, unknown> {
  igu_agreement_id: string;
  status: string;
  jobcentre: string;
  company_cvr: string;
  p_number: string;
  citizen_cpr: string;
  created_by: string;
  created_at: string;
  sent_to_citizen_at: string | null;
  signed_by_citizen_at: string | null;
  /** 'Ansvarlig' (R55). */
  responsible_caseworker: string | null;
  /** Stream revision of the last event folded in. */
  revision: number;
  updated_at: string;
}

export function evolveIguAgreementRow(row: IguAgreementRow | null, recorded: RecordedEvent): IguAgreementRow | null {
  const event = recorded as unknown as IguAgreementEvent;
  const touched = toucher<IguAgreementRow>(recorded);
  if (event.type === 'IguAgreementDrafted') {
    const d = event.data;
    return touched(
      {
        igu_agreement_id: d.iguAgreementId, status: 'draft', jobcentre: d.jobcentre, company_cvr: d.company.cvr, p_number: d.company.pNumber,
        citizen_cpr: d.citizen.cpr, created_by: d.createdBy, created_at: d.createdAt, sent_to_citizen_at: null, signed_by_citizen_at: null,
        responsible_caseworker: null, revision: 0, updated_at: d.createdAt,
      },
      {},
    );
  }
  // An event for a row we never saw created (or a shared event of another case type): nothing to fold.
  if (!row || !recorded.streamId.startsWith('igu-agreement-')) return row;
  if (isSharedCaseEvent(event)) return touched(row, sharedCaseChanges(event));
  switch (event.type) {
    case 'IguAgreementSentToCitizen':
      return touched(row, { status: 'awaiting-citizen', sent_to_citizen_at: event.data.sentAt });
    case 'IguAgreementSignedByCitizen':
      return touched(row, { status: 'signed', signed_by_citizen_at: event.data.signedAt });
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

export const iguAgreementsProjection: Projection<IguAgreementRow> = {
  name: 'igu_agreements',
  table: 'igu_agreements',
  key: 'igu_agreement_id',
  columns: [
    { name: 'igu_agreement_id', type: 'text' },
    { name: 'status', type: 'text', nullable: false },
    ...PARTY_COLUMNS,
    { name: 'created_by', type: 'text', nullable: false },
    { name: 'created_at', type: 'timestamptz', nullable: false },
    { name: 'sent_to_citizen_at', type: 'timestamptz' },
    { name: 'signed_by_citizen_at', type: 'timestamptz' },
    ...STAMP_COLUMNS,
  ],
  indexes: [['jobcentre', 'created_at'], ['company_cvr', 'created_at'], ['citizen_cpr'], ['status']],
  handles: [...IGU_AGREEMENT_EVENT_TYPES, ...SHARED_CASE_EVENT_TYPES],
  keyOf: caseKeyOf('iguAgreementId'),
  evolve: evolveIguAgreementRow,
};
