import { deciderSpec } from '../../../test/support/decider-spec';
import { Scheme } from '../../registries/schemes';
import { GRANT_STATUSES } from '../../registries/statuses';
import { ParentGrant, parentGrantOf } from './parent-grant';
import { SupplementaryGrantCommand, evolveSupplementaryGrant, initialSupplementaryGrantState, supplementaryGrantDecider } from './supplementary-grant.decider';
import { SupplementaryGrantEvent } from './supplementary-grant.events';

const spec = deciderSpec(supplementaryGrantDecider);
const caseworker = { role: 'jobcentre', org: '101', userId: 'cw-1' };
const company = { role: 'company', org: '12345678', userId: 'co-1' };
const D = new Date('2026-03-02T09:00:00Z');
const LATER = new Date('2026-03-04T09:00:00Z');
const EFFECTIVE = new Date('2022-11-01T00:00:00Z');
const parentOf = (scheme: Scheme, jobcentre = '101'): ParentGrant => ({ grantId: 'g-1', scheme, jobcentre, company: { cvr: '12345678', pNumber: '1000000001' }, citizen: { cpr: '0101901234' } });

type Draft = Extract<SupplementaryGrantCommand, { type: 'DraftSupplementaryGrant' }>;
const draft = (overrides: Partial<Draft> = {}): SupplementaryGrantCommand => ({
  type: 'DraftSupplementaryGrant', supplementaryGrantId: 's-1', parent: parentOf('company-placement'), supplementaryGrantType: 'mentor', justification: 'Behov for mentor',
  remarks: null, freeTextLimitEffectiveDate: EFFECTIVE, actor: caseworker, now: D, ...overrides,
});
const drafted = (scheme: Scheme = 'company-placement'): SupplementaryGrantEvent => ({
  type: 'SupplementaryGrantDrafted',
  data: {
    supplementaryGrantId: 's-1', parentGrantId: 'g-1', supplementaryGrantType: 'mentor', scheme, jobcentre: '101', company: { cvr: '12345678', pNumber: '1000000001' },
    citizen: { cpr: '0101901234' }, justification: 'Behov for mentor', remarks: null, freeTextLimitApplies: true, createdAt: D.toISOString(),
  },
});
const sent: SupplementaryGrantEvent = { type: 'SupplementaryGrantSentForCompanyApproval', data: { supplementaryGrantId: 's-1', sentAt: D.toISOString() } };
const approved: SupplementaryGrantEvent = { type: 'SupplementaryGrantApprovedByCompany', data: { supplementaryGrantId: 's-1', method: 'nemid-employee-signature', approvedAt: D.toISOString(), approvedBy: 'co-1' } };
const closedUnused: SupplementaryGrantEvent = { type: 'SupplementaryGrantClosedUnused', data: { supplementaryGrantId: 's-1', at: LATER.toISOString() } };
const awaiting = [drafted(), sent];
const approve = (overrides: Partial<Extract<SupplementaryGrantCommand, { type: 'ApproveSupplementaryGrantAsCompany' }>> = {}): SupplementaryGrantCommand => ({
  type: 'ApproveSupplementaryGrantAsCompany', method: 'nemid-employee-signature', mitidBusinessEnabled: false, actor: company, now: LATER, ...overrides,
});
const stateOf = (events: SupplementaryGrantEvent[]) => events.reduce(evolveSupplementaryGrant, initialSupplementaryGrantState());

describe('supplementary grant decider: drafting on a parent grant', () => {
  it("R3 carries the scheme of its actual parent grant: one on a Nytteindsats grant is 'Nytteindsats', never 'Virksomhedspraktik'", () => {
    for (const scheme of ['public-benefit-work', 'company-placement', 'wage-subsidy'] as const) {
      spec.given([]).when(draft({ parent: parentOf(scheme) })).then([drafted(scheme)]);
    }
  });

  it("R3 folds the parent's facts from its own stream: GrantDrafted, then its transfers", () => {
    const grantDrafted = {
      type: 'GrantDrafted',
      data: { grantId: 'g-1', scheme: 'public-benefit-work', jobcentre: '101', company: { cvr: '12345678', pNumber: '1000000001' }, citizen: { cpr: '0101901234' }, applicationId: null, offerId: null },
    };
    const transferred = { type: 'CaseTransferredToJobcentre', data: { caseId: 'g-1', from: '101', to: '147', transferredAt: D.toISOString() } };
    expect(parentGrantOf([grantDrafted, { type: 'GrantSentForCompanyApproval', data: { grantId: 'g-1', sentAt: D.toISOString() } }, transferred])).toEqual(parentOf('public-benefit-work', '147'));
    expect(parentGrantOf([])).toBeNull();
    expect(parentGrantOf([transferred])).toBeNull();
  });

  it("refuses a draft by anyone but a caseworker of the parent's (current) job centre, with 403", () => {
    spec.given([]).when(draft({ parent: parentOf('mentor', '147') })).thenThrows({ rule: 'authorization', kind: 'forbidden' });
    spec.given([]).when(draft({ actor: company })).thenThrows({ rule: 'authorization', kind: 'forbidden' });
    spec.given([drafted()]).when(draft()).thenThrows({ rule: 'supplementary-grant-lifecycle', kind: 'conflict' });
  });

  it("R27 limits 'Begrundelse' and 'Bemærkninger' to 2,000 characters from the effective date, and not before", () => {
    spec.given([]).when(draft({ justification: 'x'.repeat(2001) })).thenThrows({ rule: 'R27', kind: 'rule-violation', field: 'justification' });
    spec.given([]).when(draft({ remarks: 'ø'.repeat(2001) })).thenThrows({ rule: 'R27', field: 'remarks' });
    const [old] = spec.given([]).when(draft({ remarks: 'x'.repeat(3000), freeTextLimitEffectiveDate: new Date('2027-01-01T00:00:00Z') })).then(expect.any(Array) as never);
    expect(old).toMatchObject({ data: { freeTextLimitApplies: false } });
  });
});

describe('supplementary grant decider: the grant approval sub-machine (ASSUMPTION, §3.4)', () => {
  it("R35 R64 sends a drafted supplementary grant for the company's approval ('Afventer godkendelse hos virksomhed'); only the job centre, only once", () => {
    spec.given([drafted()]).when({ type: 'SendSupplementaryGrantForCompanyApproval', actor: caseworker, now: D }).then([sent]);
    spec.given([drafted()]).when({ type: 'SendSupplementaryGrantForCompanyApproval', actor: company, now: D }).thenThrows({ rule: 'authorization', kind: 'forbidden' });
    spec.given(awaiting).when({ type: 'SendSupplementaryGrantForCompanyApproval', actor: caseworker, now: D }).thenThrows({ rule: 'supplementary-grant-lifecycle', kind: 'conflict' });
  });

  it("lets its company approve ('Aktiv'); refuses another company (403) and a draft not yet sent (409)", () => {
    spec.given(awaiting).when(approve()).then([
      { type: 'SupplementaryGrantApprovedByCompany', data: { supplementaryGrantId: 's-1', method: 'nemid-employee-signature', approvedAt: LATER.toISOString(), approvedBy: 'co-1' } },
    ]);
    spec.given(awaiting).when(approve({ actor: { ...company, org: '87654321' } })).thenThrows({ rule: 'authorization', kind: 'forbidden' });
    spec.given(awaiting).when(approve({ actor: caseworker })).thenThrows({ rule: 'authorization', kind: 'forbidden' });
    spec.given([drafted()]).when(approve()).thenThrows({ rule: 'supplementary-grant-lifecycle', kind: 'conflict' });
  });

  it('R37 refuses MitID Erhverv until its feature flag is on', () => {
    spec.given(awaiting).when(approve({ method: 'mitid-business' })).thenThrows({ rule: 'R37', field: 'method' });
    spec.given(awaiting).when(approve({ method: 'mitid-business', mitidBusinessEnabled: true })).then(expect.any(Array) as never);
  });

  it("R41 D6 records who did not approve ('Afvist'): the job centre or the company, while it awaits approval", () => {
    for (const [actor, by] of [[caseworker, 'jobcentre'], [company, 'company']] as const) {
      spec.given(awaiting).when({ type: 'NotApproveSupplementaryGrant', reason: 'Ikke behov', actor, now: LATER }).then([
        { type: 'SupplementaryGrantNotApproved', data: { supplementaryGrantId: 's-1', by, at: LATER.toISOString(), actorId: actor.userId, reason: 'Ikke behov' } },
      ]);
    }
    spec.given([drafted()]).when({ type: 'NotApproveSupplementaryGrant', reason: null, actor: caseworker, now: LATER }).thenThrows({ rule: 'supplementary-grant-lifecycle', kind: 'conflict' });
    spec.given(awaiting).when({ type: 'NotApproveSupplementaryGrant', reason: null, actor: { ...company, org: '87654321' }, now: LATER }).thenThrows({ rule: 'authorization', kind: 'forbidden' });
  });

  it("R41 D6 lets the job centre withdraw at any point before it ended, the company once it awaits or holds it ('Trukket tilbage')", () => {
    spec.given([drafted()]).when({ type: 'WithdrawSupplementaryGrant', reason: null, actor: caseworker, now: LATER }).then([
      { type: 'SupplementaryGrantWithdrawn', data: { supplementaryGrantId: 's-1', by: 'jobcentre', at: LATER.toISOString(), actorId: 'cw-1', reason: null } },
    ]);
    spec.given([...awaiting, approved]).when({ type: 'WithdrawSupplementaryGrant', reason: null, actor: company, now: LATER }).then(expect.any(Array) as never);
    spec.given([drafted()]).when({ type: 'WithdrawSupplementaryGrant', reason: null, actor: company, now: LATER }).thenThrows({ rule: 'supplementary-grant-lifecycle', kind: 'conflict' });
  });
});

describe("supplementary grant decider: 'Lukket bevilling (ej brugt)' (D7)", () => {
  it('D7 closes an unused supplementary grant; it stays in the case history with its status and label', () => {
    for (const history of [[drafted()], awaiting, [...awaiting, approved]]) {
      spec.given(history).when({ type: 'CloseSupplementaryGrantUnused', actor: caseworker, now: LATER }).then([closedUnused]);
    }
    const state = stateOf([...awaiting, closedUnused]);
    expect(state).toMatchObject({ status: 'closed-unused', supplementaryGrantId: 's-1', scheme: 'company-placement', ended: { at: LATER.toISOString() } });
    expect(GRANT_STATUSES[state.status!]).toBe('Lukket bevilling (ej brugt)');
  });

  it('D7 refuses acts on a closed-unused supplementary grant (409) and a close by the company (403)', () => {
    const closed = [...awaiting, closedUnused];
    spec.given(closed).when({ type: 'CloseSupplementaryGrantUnused', actor: caseworker, now: LATER }).thenThrows({ rule: 'supplementary-grant-lifecycle', kind: 'conflict' });
    spec.given(closed).when(approve()).thenThrows({ rule: 'supplementary-grant-lifecycle', kind: 'conflict' });
    spec.given(awaiting).when({ type: 'CloseSupplementaryGrantUnused', actor: company, now: LATER }).thenThrows({ rule: 'authorization', kind: 'forbidden' });
  });
});

describe('supplementary grant decider: ownership', () => {
  it('R33 transfers a supplementary grant, refused ones included (D22); only the owning job centre may', () => {
    const refused = [...awaiting, { type: 'SupplementaryGrantNotApproved', data: { supplementaryGrantId: 's-1', by: 'company', at: D.toISOString(), actorId: 'co-1', reason: null } } as SupplementaryGrantEvent];
    spec.given(refused).when({ type: 'TransferSupplementaryGrant', toJobcentre: '147', actor: caseworker, now: D }).then([
      { type: 'CaseTransferredToJobcentre', data: { caseId: 's-1', from: '101', to: '147', transferredAt: D.toISOString() } },
    ]);
    spec.given(awaiting).when({ type: 'TransferSupplementaryGrant', toJobcentre: '147', actor: company, now: D }).thenThrows({ rule: 'authorization', kind: 'forbidden' });
  });

  const follow = (transferredAt: string, overrides: Partial<Extract<SupplementaryGrantCommand, { type: 'FollowParentTransfer' }>> = {}): SupplementaryGrantCommand => ({
    type: 'FollowParentTransfer', parentId: 'g-1', toJobcentre: '147', transferredAt, actor: { role: 'jobcentre', org: '101', userId: 'system:follow-grant-transfer' }, now: LATER, ...overrides,
  });
  const movedTo = (to: string, at: string): SupplementaryGrantEvent => ({ type: 'CaseTransferredToJobcentre', data: { caseId: 's-1', from: '101', to, transferredAt: at } });

  it('R33 follows its parent grant to the new job centre, in any status, closed unused included', () => {
    for (const history of [[drafted()], [...awaiting, approved], [...awaiting, closedUnused]]) {
      spec.given(history).when(follow(D.toISOString())).then([{ type: 'CaseTransferredToJobcentre', data: { caseId: 's-1', from: '101', to: '147', transferredAt: LATER.toISOString() } }]);
    }
  });

  it('R33 does nothing (safe to repeat) for another parent, one already there, or one transferred on its own since the parent moved', () => {
    spec.given([drafted()]).when(follow(D.toISOString(), { parentId: 'g-2' })).then([]);
    spec.given([drafted(), movedTo('147', D.toISOString())]).when(follow(D.toISOString(), { actor: { ...caseworker, org: '147' } })).then([]);
    spec.given([drafted(), movedTo('202', LATER.toISOString())]).when(follow(D.toISOString(), { actor: { ...caseworker, org: '202' } })).then([]);
    spec.given([drafted(), movedTo('202', D.toISOString())]).when(follow(LATER.toISOString(), { actor: { ...caseworker, org: '202' } })).then([
      { type: 'CaseTransferredToJobcentre', data: { caseId: 's-1', from: '202', to: '147', transferredAt: LATER.toISOString() } },
    ]);
    spec.given([drafted()]).when(follow(D.toISOString(), { actor: { ...caseworker, org: '202' } })).thenThrows({ rule: 'authorization', kind: 'forbidden' });
  });

  it("R55 sets the responsible caseworker ('Sæt ansvarlig') on a supplementary grant; another job centre may not", () => {
    spec.given([drafted()]).when({ type: 'AssignResponsibleCaseworker', caseworkerId: 'cw-2', actor: caseworker, now: D }).then([
      { type: 'ResponsibleCaseworkerAssigned', data: { caseId: 's-1', caseworkerId: 'cw-2', assignedAt: D.toISOString() } },
    ]);
    spec.given([drafted()]).when({ type: 'AssignResponsibleCaseworker', caseworkerId: 'cw-2', actor: { ...caseworker, org: '147' }, now: D }).thenThrows({ rule: 'authorization', kind: 'forbidden' });
  });
});
