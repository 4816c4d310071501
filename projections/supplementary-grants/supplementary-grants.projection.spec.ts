import { GivenEvent, projectionSpec } from '../../test/support/projection-spec';
import { SupplementaryGrantEvent, supplementaryGrantStreamId } from '../../src/cases/supplementary-grants/supplementary-grant.events';
import { Scheme } from '../../src/registries/schemes';
import { SupplementaryGrantRow, supplementaryGrantsProjection } from './supplementary-grants.projection';

const spec = projectionSpec(supplementaryGrantsProjection);
const CASEWORKER = { role: 'jobcentre', userId: 'caseworker-1', org: '101' } as const;
const COMPANY = { role: 'company', userId: 'co-1', org: '12345678' } as const;
const T0 = '2026-03-01T08:00:00.000Z';
const T1 = '2026-03-03T10:00:00.000Z';
const T2 = '2026-03-05T12:00:00.000Z';

type Data<T extends SupplementaryGrantEvent['type']> = Omit<Extract<SupplementaryGrantEvent, { type: T }>['data'], 'supplementaryGrantId' | 'caseId'>;

/** Builders of one supplementary grant's events, shaped as the decider emits them. */
function supplementary(supplementaryGrantId: string) {
  const streamId = supplementaryGrantStreamId(supplementaryGrantId);
  const event = <T extends SupplementaryGrantEvent['type']>(type: T, data: Data<T>, at: string, principal: GivenEvent['principal'] = CASEWORKER): GivenEvent => ({
    streamId, type, data: { supplementaryGrantId, ...data }, occurredAt: at, principal,
  });
  return {
    drafted: (at: string, scheme: Scheme = 'public-benefit-work') =>
      event('SupplementaryGrantDrafted', {
        parentGrantId: 'g-1', supplementaryGrantType: 'assistive-aids', scheme, jobcentre: '101', company: { cvr: '12345678', pNumber: '1000000001' },
        citizen: { cpr: '0101901234' }, justification: 'Hæve-sænkebord', remarks: null, freeTextLimitApplies: true, createdAt: at,
      }, at),
    sent: (at: string) => event('SupplementaryGrantSentForCompanyApproval', { sentAt: at }, at),
    approved: (at: string) => event('SupplementaryGrantApprovedByCompany', { method: 'nemid-employee-signature', approvedAt: at, approvedBy: 'co-1' }, at, COMPANY),
    notApproved: (at: string) => event('SupplementaryGrantNotApproved', { by: 'company', at, actorId: 'co-1', reason: null }, at, COMPANY),
    withdrawn: (at: string) => event('SupplementaryGrantWithdrawn', { by: 'jobcentre', at, actorId: 'caseworker-1', reason: null }, at),
    closedUnused: (at: string) => event('SupplementaryGrantClosedUnused', { at }, at),
    transferred: (at: string, to: string): GivenEvent => ({ streamId, type: 'CaseTransferredToJobcentre', data: { caseId: supplementaryGrantId, from: '101', to, transferredAt: at }, occurredAt: at, principal: CASEWORKER }),
  };
}

const s1 = supplementary('s-1');

describe('supplementary grants projection (the supplementary_grants read model)', () => {
  it("R3 folds a new supplementary grant into a complete row carrying its parent's scheme ('Nytteindsats')", async () => {
    const row: SupplementaryGrantRow = {
      supplementary_grant_id: 's-1', parent_grant_id: 'g-1', supplementary_grant_type: 'assistive-aids', scheme: 'public-benefit-work', status: 'drafted', jobcentre: '101',
      company_cvr: '12345678', p_number: '1000000001', citizen_cpr: '0101901234', created_at: T0, sent_for_company_approval_at: null, approved_by_company_at: null,
      ended_at: null, transferred_at: null, responsible_caseworker: null, revision: 0, updated_at: T0,
    };
    await spec.given([s1.drafted(T0)]).thenRows([row]);
  });

  it("R35 follows the approval: 'awaiting-company' since it was sent, then 'active'", async () => {
    const s2 = supplementary('s-2');
    await spec
      .given([s1.drafted(T0), s2.drafted(T0), s1.sent(T1), s2.sent(T1), s1.approved(T2)])
      .thenRowsMatch([
        { supplementary_grant_id: 's-1', status: 'active', sent_for_company_approval_at: T1, approved_by_company_at: T2, revision: 2 },
        { supplementary_grant_id: 's-2', status: 'awaiting-company', sent_for_company_approval_at: T1, approved_by_company_at: null, revision: 1 },
      ]);
  });

  it("R41 records refusals ('not-approved') and withdrawals ('withdrawn') with when they ended", async () => {
    const s2 = supplementary('s-2');
    await spec
      .given([s1.drafted(T0), s1.sent(T1), s1.notApproved(T2), s2.drafted(T0), s2.withdrawn(T1)])
      .thenRowsMatch([{ supplementary_grant_id: 's-1', status: 'not-approved', ended_at: T2 }, { supplementary_grant_id: 's-2', status: 'withdrawn', ended_at: T1 }]);
  });

  it("D7 keeps the row of a supplementary grant 'Lukket bevilling (ej brugt)' (the list leaves it out)", async () => {
    await spec.given([s1.drafted(T0), s1.sent(T1), s1.closedUnused(T2)]).thenRowsMatch([{ supplementary_grant_id: 's-1', status: 'closed-unused', ended_at: T2, revision: 2 }]);
  });

  it('R33 follows transfers and when the last one was; no row for a supplementary grant it never saw drafted', async () => {
    await spec.given([s1.drafted(T0), s1.transferred(T1, '147'), supplementary('s-unknown').sent(T1)]).thenRowsMatch([{ supplementary_grant_id: 's-1', jobcentre: '147', transferred_at: T1 }]);
  });
});
