import { grantStreamId } from '../../src/cases/grants/grant.events';
import { supplementaryGrantStreamId } from '../../src/cases/supplementary-grants/supplementary-grant.events';
import { GivenEvent, projectionSpec } from '../../test/support/projection-spec';
import { transferFollowersProjection } from './transfer-followers.projection';

const spec = projectionSpec(transferFollowersProjection);
const company = { cvr: '12345678', pNumber: '1000000001' };
const citizen = { cpr: '0101901234' };
const T0 = '2030-01-01T08:00:00.000Z';
const T1 = '2030-01-02T08:00:00.000Z';
const T2 = '2030-01-03T08:00:00.000Z';

const grant = (grantId: string, applicationId: string | null) => {
  const e = (type: string, data: Record<string, unknown>, occurredAt: string): GivenEvent => ({ streamId: grantStreamId(grantId), type, data: { grantId, ...data }, occurredAt });
  return {
    drafted: () =>
      e('GrantDrafted', {
        scheme: 'job-rotation', jobcentre: '101', company, citizen, applicationId, offerId: null, period: { start: '2030-02-01', end: '2030-07-31' },
        hoursPerWeek: 30, jobContent: null, freeTextLimitApplies: true, createdAt: T0,
      }, T0),
    sent: (at: string) => e('GrantSentForCompanyApproval', { sentAt: at }, at),
    refused: (at: string) => e('GrantNotApproved', { by: 'company', at, actorId: 'company-user-1', reason: null }, at),
    closedUnused: (at: string) => e('GrantClosedUnused', { at }, at),
  };
};

const supplementary = (id: string, parentGrantId: string): GivenEvent => ({
  streamId: supplementaryGrantStreamId(id),
  type: 'SupplementaryGrantDrafted',
  data: {
    supplementaryGrantId: id, parentGrantId, supplementaryGrantType: 'mentor', scheme: 'wage-subsidy', jobcentre: '101', company, citizen, justification: 'Mentor',
    remarks: null, freeTextLimitApplies: true, createdAt: T0,
  },
  occurredAt: T0,
});

const transferred = (streamId: string, caseId: string, to: string, at: string): GivenEvent => ({
  streamId, type: 'CaseTransferredToJobcentre', data: { caseId, from: '101', to, transferredAt: at }, occurredAt: at,
});

describe('transfer_followers: the followers of a parent transfer (R33, D22)', () => {
  it('a grant made on an application and every supplementary grant are followers; a grant on no application and the parents are not', async () => {
    const onApplication = grant('g-1', 'a-1');
    const direct = grant('g-2', null);
    await spec
      .given([onApplication.drafted(), direct.drafted(), supplementary('s-1', 'g-2'), transferred('application-a-1', 'a-1', '147', T1), transferred(grantStreamId('g-2'), 'g-2', '147', T1)])
      .thenRows([
        { case_id: 'g-1', follower_type: 'grant', parent_id: 'a-1', jobcentre: '101', refused_at: null, transferred_at: null },
        { case_id: 's-1', follower_type: 'supplementary-grant', parent_id: 'g-2', jobcentre: '101', refused_at: null, transferred_at: null },
      ]);
  });

  it("records a grant's refusal while it is refused, and the follower's own transfers", async () => {
    const [refused, closed] = [grant('g-1', 'a-1'), grant('g-2', 'a-1')];
    await spec
      .given([
        refused.drafted(), refused.sent(T0), refused.refused(T1), transferred(grantStreamId('g-1'), 'g-1', '147', T2),
        closed.drafted(), closed.sent(T0), closed.refused(T1), closed.closedUnused(T2),
        supplementary('s-1', 'g-1'), transferred(supplementaryGrantStreamId('s-1'), 's-1', '151', T2),
      ])
      .thenRowsMatch([
        { case_id: 'g-1', jobcentre: '147', refused_at: T1, transferred_at: T2 },
        { case_id: 'g-2', jobcentre: '101', refused_at: null, transferred_at: null },
        { case_id: 's-1', jobcentre: '151', refused_at: null, transferred_at: T2 },
      ]);
  });
});
