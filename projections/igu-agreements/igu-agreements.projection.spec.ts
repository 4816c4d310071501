import { GivenEvent, projectionSpec } from '../../test/support/projection-spec';
import { IguAgreementEvent, iguAgreementStreamId } from '../../src/cases/igu-agreements/igu-agreement.events';
import { IguAgreementRow, iguAgreementsProjection } from './igu-agreements.projection';

const spec = projectionSpec(iguAgreementsProjection);
const CASEWORKER = { role: 'jobcentre', userId: 'caseworker-1', org: '101' } as const;
const CITIZEN = { role: 'citizen', userId: 'citizen-1', org: '0101901234' } as const;
const T0 = '2026-03-01T08:00:00.000Z';
const T1 = '2026-03-03T10:00:00.000Z';
const T2 = '2026-03-05T12:00:00.000Z';

type Data<T extends IguAgreementEvent['type']> = Omit<Extract<IguAgreementEvent, { type: T }>['data'], 'iguAgreementId' | 'caseId'>;

/** Builders of one agreement's events, shaped as the decider emits them. */
function agreement(iguAgreementId: string) {
  const streamId = iguAgreementStreamId(iguAgreementId);
  const event = <T extends IguAgreementEvent['type']>(type: T, data: Data<T>, at: string, principal: GivenEvent['principal'] = CASEWORKER): GivenEvent => ({
    streamId, type, data: { iguAgreementId, ...data }, occurredAt: at, principal,
  });
  return {
    drafted: (at: string) =>
      event('IguAgreementDrafted', { jobcentre: '101', company: { cvr: '12345678', pNumber: '1000000001' }, citizen: { cpr: '0101901234' }, createdBy: 'jobcentre', createdAt: at }, at),
    sent: (at: string) => event('IguAgreementSentToCitizen', { sentAt: at, sentBy: 'company', sentByUser: 'co-1' }, at),
    signed: (at: string) => event('IguAgreementSignedByCitizen', { signedAt: at, method: 'mitid' }, at, CITIZEN),
    transferred: (at: string, to: string): GivenEvent => ({ streamId, type: 'CaseTransferredToJobcentre', data: { caseId: iguAgreementId, from: '101', to, transferredAt: at }, occurredAt: at, principal: CASEWORKER }),
    responsible: (at: string, caseworkerId: string): GivenEvent => ({ streamId, type: 'ResponsibleCaseworkerAssigned', data: { caseId: iguAgreementId, caseworkerId, assignedAt: at }, occurredAt: at, principal: CASEWORKER }),
  };
}

const i1 = agreement('i-1');

describe('IGU agreements projection (the igu_agreements read model)', () => {
  it("folds a new draft into a complete 'Kladde' row", async () => {
    const row: IguAgreementRow = {
      igu_agreement_id: 'i-1', status: 'draft', jobcentre: '101', company_cvr: '12345678', p_number: '1000000001', citizen_cpr: '0101901234', created_by: 'jobcentre',
      created_at: T0, sent_to_citizen_at: null, signed_by_citizen_at: null, responsible_caseworker: null, revision: 0, updated_at: T0,
    };
    await spec.given([i1.drafted(T0)]).thenRows([row]);
  });

  it("follows 'Send til borger' ('awaiting-citizen') and the citizen's signature ('signed')", async () => {
    const i2 = agreement('i-2');
    await spec
      .given([i1.drafted(T0), i2.drafted(T0), i1.sent(T1), i2.sent(T1), i1.signed(T2)])
      .thenRowsMatch([
        { igu_agreement_id: 'i-1', status: 'signed', sent_to_citizen_at: T1, signed_by_citizen_at: T2, revision: 2, updated_at: T2 },
        { igu_agreement_id: 'i-2', status: 'awaiting-citizen', sent_to_citizen_at: T1, signed_by_citizen_at: null, revision: 1 },
      ]);
  });

  it('R33 R55 follows transfers and the responsible caseworker', async () => {
    await spec.given([i1.drafted(T0), i1.responsible(T1, 'cw-jens'), i1.transferred(T2, '147')]).thenRowsMatch([{ igu_agreement_id: 'i-1', jobcentre: '147', responsible_caseworker: 'cw-jens' }]);
  });

  it('yields no row for an agreement it never saw drafted, and ignores shared events of other case types', async () => {
    await spec.given([agreement('i-unknown').sent(T1)]).thenRows([]);
    const foreign: GivenEvent = { streamId: 'offer-i-1', type: 'ResponsibleCaseworkerAssigned', data: { caseId: 'i-1', caseworkerId: 'x', assignedAt: T1 }, occurredAt: T1 };
    await spec.given([i1.drafted(T0), foreign]).thenRowsMatch([{ igu_agreement_id: 'i-1', responsible_caseworker: null, revision: 0 }]);
  });
});
