import { GrantDrafted, GrantEvent, GrantParty, grantStreamId } from '../../src/cases/grants/grant.events';
import { GivenEvent, projectionSpec } from '../../test/support/projection-spec';
import { grantApplicationTransfersProjection } from './grant-application-transfers.projection';
import { grantTransfersProjection } from './grant-transfers.projection';
import { grantsProjection } from './grants.projection';

type Data<T extends GrantEvent['type']> = Omit<Extract<GrantEvent, { type: T }>['data'], 'grantId'>;

const CASEWORKER = { role: 'jobcentre', userId: 'caseworker-1', org: '101' } as const;
const COMPANY = { role: 'company', userId: 'company-user-1', org: '12345678' } as const;

/** Builders of one grant's events, shaped as the decider emits them; `at` is an ISO instant. */
function grantEvents(grantId: string) {
  const streamId = grantStreamId(grantId);
  const event = <T extends GrantEvent['type']>(type: T, data: Data<T>, occurredAt: string, principal: GivenEvent['principal'] = CASEWORKER): GivenEvent => ({
    streamId, type, data: { grantId, ...data }, occurredAt, principal,
  });
  return {
    drafted: (at: string, overrides: Partial<Omit<GrantDrafted['data'], 'grantId'>> = {}) =>
      event('GrantDrafted', {
        scheme: 'wage-subsidy', jobcentre: '101', company: { cvr: '12345678', pNumber: '1000000001' }, citizen: { cpr: '0101901234' }, applicationId: null, offerId: null,
        period: { start: '2026-04-01', end: '2026-09-30' }, hoursPerWeek: 30, jobContent: 'Lagerarbejde', freeTextLimitApplies: true, createdAt: at, ...overrides,
      }, at),
    createdOnOffer: (offerId: string, at: string) => event('GrantCreatedOnOffer', { offerId }, at),
    sent: (at: string) => event('GrantSentForCompanyApproval', { sentAt: at }, at),
    approvedByCompany: (at: string) => event('GrantApprovedByCompany', { method: 'nemid-employee-signature', approvedAt: at, approvedBy: COMPANY.userId }, at, COMPANY),
    approvedByCitizen: (at: string) => event('GrantApprovedByCitizen', { method: 'mitid', approvedAt: at, approvedBy: 'citizen-1' }, at, { role: 'citizen', userId: 'citizen-1', org: '0101901234' }),
    notApproved: (by: GrantParty, at: string) => event('GrantNotApproved', { by, at, actorId: 'someone', reason: null }, at),
    withdrawn: (by: GrantParty, at: string) => event('GrantWithdrawn', { by, at, actorId: 'someone', reason: null }, at),
    extended: (newEndDate: string, at: string) => event('GrantExtended', { previousEndDate: '2026-09-30', newEndDate, jobContent: null, at }, at),
    reviewed: (at: string) => event('GrantReviewed', { at, remarks: null }, at),
    terminated: (at: string) =>
      event('GrantTerminated', { scheme: 'wage-subsidy', reasonId: 3, subReasonId: null, reasonText: 'Fejlregistrering', effectiveDate: '2026-06-30', at }, at),
    closedAfterOrdinaryExpiry: (at: string) => event('GrantClosedAfterOrdinaryExpiry', { endDate: '2026-09-30', at }, at),
    closedUnused: (at: string) => event('GrantClosedUnused', { at }, at),
    transferred: (to: string, at: string): GivenEvent => ({ streamId, type: 'CaseTransferredToJobcentre', data: { caseId: grantId, from: '101', to, transferredAt: at }, occurredAt: at }),
    responsibleAssigned: (caseworkerId: string, at: string): GivenEvent => ({ streamId, type: 'ResponsibleCaseworkerAssigned', data: { caseId: grantId, caseworkerId, assignedAt: at }, occurredAt: at }),
  };
}

/** An application's transfer, as the applications slice records it. */
const applicationTransferred = (applicationId: string, to: string, at: string): GivenEvent => ({
  streamId: `application-${applicationId}`, type: 'CaseTransferredToJobcentre', data: { caseId: applicationId, from: '101', to, transferredAt: at }, occurredAt: at,
});

const spec = projectionSpec(grantsProjection);
const g1 = grantEvents('g-1');
const g2 = grantEvents('g-2');
const T0 = '2026-03-01T08:00:00.000Z';
const T1 = '2026-03-02T09:00:00.000Z';
const T2 = '2026-03-03T10:00:00.000Z';

describe('grants projection (the grants read model)', () => {
  it("folds a drafted grant into a complete row in 'drafted', not an employer task", async () => {
    await spec.given([g1.drafted(T0)]).thenRows([
      {
        grant_id: 'g-1', scheme: 'wage-subsidy', status: 'drafted', jobcentre: '101', company_cvr: '12345678', p_number: '1000000001', citizen_cpr: '0101901234',
        application_id: null, offer_id: null, period_start: '2026-04-01', period_end: '2026-09-30', hours_per_week: 30, created_at: T0, sent_for_approval_at: null,
        approved_at: null, refused_at: null, refused_by: null, employer_task: false, transferred_at: null, responsible_caseworker: null, revision: 0, updated_at: T0,
      },
    ]);
  });

  it("R64 makes only 'Afventer godkendelse hos virksomhed' an employer task: not the draft, not after approval", async () => {
    await spec.given([g1.drafted(T0), g1.sent(T1), g2.drafted(T0)]).thenRowsMatch([
      { grant_id: 'g-1', status: 'awaiting-company', employer_task: true, sent_for_approval_at: T1 },
      { grant_id: 'g-2', status: 'drafted', employer_task: false },
    ]);
    await spec.given([g1.drafted(T0), g1.sent(T1), g1.approvedByCompany(T2)]).thenRowsMatch([{ status: 'active', employer_task: false, approved_at: T2 }]);
  });

  it('R44 a grant on a national-list offer is in the list as awaiting the company, with its offer id', async () => {
    await spec.given([g1.drafted(T0, { scheme: 'company-placement', offerId: 'o-1' }), g1.createdOnOffer('o-1', T0), g1.sent(T0)]).thenRowsMatch([
      { status: 'awaiting-company', offer_id: 'o-1', employer_task: true, revision: 2 },
    ]);
  });

  it('PA: awaits the citizen after the company, active after the citizen; no hours (D13)', async () => {
    const pa = [g1.drafted(T0, { scheme: 'personal-assistant', hoursPerWeek: null }), g1.sent(T0), g1.approvedByCompany(T1)];
    await spec.given(pa).thenRowsMatch([{ status: 'awaiting-citizen', employer_task: false, hours_per_week: null }]);
    await spec.given([...pa, g1.approvedByCitizen(T2)]).thenRowsMatch([{ status: 'active', approved_at: T2 }]);
  });

  it('R41 records who did not approve, and a withdrawal', async () => {
    await spec.given([g1.drafted(T0), g1.sent(T0), g1.notApproved('company', T1), g2.drafted(T0), g2.withdrawn('citizen', T1)]).thenRowsMatch([
      { grant_id: 'g-1', status: 'not-approved', refused_at: T1, refused_by: 'company', employer_task: false },
      { grant_id: 'g-2', status: 'withdrawn', refused_at: null },
    ]);
  });

  it('moves the end date on extension and ends the grant on cessation, ordinary expiry (R42) or closing unused (D7)', async () => {
    const activeGrant = (g: typeof g1) => [g.drafted(T0), g.sent(T0), g.approvedByCompany(T0)];
    await spec.given([...activeGrant(g1), g1.extended('2026-12-31', T1), g1.reviewed(T2)]).thenRowsMatch([{ status: 'active', period_end: '2026-12-31', revision: 4, updated_at: T2 }]);
    await spec.given([...activeGrant(g1), g1.terminated(T1), ...activeGrant(g2), g2.closedAfterOrdinaryExpiry(T2)]).thenRowsMatch([
      { grant_id: 'g-1', status: 'terminated' },
      { grant_id: 'g-2', status: 'closed' },
    ]);
    // D7: the row stays (the list query leaves it out).
    await spec.given([g1.drafted(T0), g1.closedUnused(T1)]).thenRowsMatch([{ status: 'closed-unused' }]);
  });

  it('R33 R55 follows transfers and the responsible caseworker; ignores other case types and grants it never saw', async () => {
    await spec
      .given([g1.drafted(T0), g1.responsibleAssigned('cw-2', T1), g1.transferred('147', T2), applicationTransferred('g-2', '202', T2), grantEvents('g-9').sent(T1)])
      .thenRowsMatch([{ grant_id: 'g-1', jobcentre: '147', transferred_at: T2, responsible_caseworker: 'cw-2', revision: 2 }]);
  });
});

describe('grant application transfers projection (for the D22 process)', () => {
  it('keeps the latest transfer of each application and ignores transfers of other case types', async () => {
    await projectionSpec(grantApplicationTransfersProjection)
      .given([applicationTransferred('a-1', '147', T1), grantEvents('g-1').transferred('202', T1), applicationTransferred('a-1', '303', T2), applicationTransferred('a-2', '147', T0)])
      .thenRows([
        { application_id: 'a-1', to_jobcentre: '303', transferred_at: T2 },
        { application_id: 'a-2', to_jobcentre: '147', transferred_at: T0 },
      ]);
  });
});

describe('grant transfers projection (for the supplementary grants that follow their grant, R33)', () => {
  it("keeps the latest transfer of each grant and ignores other case types' transfers", async () => {
    await projectionSpec(grantTransfersProjection)
      .given([g1.drafted(T0), g1.transferred('147', T1), applicationTransferred('a-1', '202', T1), g1.transferred('303', T2), g2.transferred('147', T0)])
      .thenRows([
        { grant_id: 'g-1', to_jobcentre: '303', transferred_at: T2 },
        { grant_id: 'g-2', to_jobcentre: '147', transferred_at: T0 },
      ]);
  });
});
