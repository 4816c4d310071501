import { grantStreamId } from '../../src/cases/grants/grant.events';
import { iguAgreementStreamId } from '../../src/cases/igu-agreements/igu-agreement.events';
import { offerStreamId } from '../../src/cases/offers/offer.events';
import { supplementaryGrantStreamId } from '../../src/cases/supplementary-grants/supplementary-grant.events';
import { GivenEvent, applicationEvents, projectionSpec } from '../../test/support/projection-spec';
import { searchProjection } from './search.projection';

const spec = projectionSpec(searchProjection);
const company = { cvr: '12345678', pNumber: '1000000001' };
const citizen = { cpr: '0101901234' };
const T0 = '2030-01-01T08:00:00.000Z';
const T1 = '2030-01-02T08:00:00.000Z';
const T2 = '2030-01-03T08:00:00.000Z';

const grant = (grantId: string, options: { scheme?: string; offerId?: string } = {}) => {
  const e = (type: string, data: Record<string, unknown>, occurredAt: string): GivenEvent => ({ streamId: grantStreamId(grantId), type, data: { grantId, ...data }, occurredAt });
  return {
    drafted: (at = T0) =>
      e('GrantDrafted', {
        scheme: options.scheme ?? 'wage-subsidy', jobcentre: '101', company, citizen, applicationId: null, offerId: options.offerId ?? null, period: { start: '2030-02-01', end: '2030-07-31' },
        hoursPerWeek: 30, jobContent: null, freeTextLimitApplies: true, createdAt: at,
      }, at),
    reviewed: (at: string) => e('GrantReviewed', { at, remarks: null }, at),
    terminated: (effectiveDate: string, at: string) => e('GrantTerminated', { scheme: options.scheme ?? 'wage-subsidy', reasonId: 1, subReasonId: null, reasonText: 'Ordinær beskæftigelse', effectiveDate, at }, at),
    closedAfterExpiry: (endDate: string, at: string) => e('GrantClosedAfterOrdinaryExpiry', { endDate, at }, at),
    sent: (at: string) => e('GrantSentForCompanyApproval', { sentAt: at }, at),
    approvedByCompany: (at: string) => e('GrantApprovedByCompany', { method: 'nemid-employee-signature', approvedAt: at, approvedBy: 'company-user-1' }, at),
    extended: (newEndDate: string, at: string) => e('GrantExtended', { previousEndDate: '2030-07-31', newEndDate, jobContent: null, at }, at),
  };
};

const supplementary = (id: string) => {
  const e = (type: string, data: Record<string, unknown>, occurredAt: string): GivenEvent => ({ streamId: supplementaryGrantStreamId(id), type, data: { supplementaryGrantId: id, ...data }, occurredAt });
  return {
    drafted: (at = T0) =>
      e('SupplementaryGrantDrafted', {
        parentGrantId: 'g-1', supplementaryGrantType: 'mentor', scheme: 'wage-subsidy', jobcentre: '101', company, citizen, justification: 'Mentor',
        remarks: null, freeTextLimitApplies: true, createdAt: at,
      }, at),
    sent: (at: string) => e('SupplementaryGrantSentForCompanyApproval', { sentAt: at }, at),
    closedUnused: (at: string) => e('SupplementaryGrantClosedUnused', { at }, at),
  };
};

describe('search_cases: the one search read model (issue 5, D10)', () => {
  it("R64 a drafted grant ('Bevilling udarbejdet') is no employer task; sent for approval it is, since then; approved it is not", async () => {
    const [draftOnly, sent, approved] = [grant('g-1'), grant('g-2'), grant('g-3')];
    await spec.given([draftOnly.drafted(), sent.drafted(), sent.sent(T1), approved.drafted(), approved.sent(T1), approved.approvedByCompany(T2)]).thenRowsMatch([
      { case_id: 'g-1', status: 'drafted', employer_task_since: null },
      { case_id: 'g-2', status: 'awaiting-company', employer_task_since: T1 },
      { case_id: 'g-3', status: 'active', employer_task_since: null },
    ]);
  });

  it('a grant row carries every common column, folded from its events', async () => {
    const g = grant('g-1');
    await spec.given([g.drafted(), g.sent(T1), g.extended('2030-12-31', T2)]).thenRows([
      {
        case_id: 'g-1', case_type: 'grant', scheme: 'wage-subsidy', supplementary_grant_type: null, parent_grant_id: null, status: 'awaiting-company', jobcentre: '101',
        company_cvr: '12345678', p_number: '1000000001', citizen_cpr: '0101901234', hours_per_week: 30, period_start: '2030-02-01', period_end: '2030-12-31', offer_id: null,
        approved_date: '2030-01-02', received_date: null, cancelled_by_company_at: null, employer_task_since: T1, review_due_date: null, ceased_date: null, cessation_reason: null,
        created_at: T0, responsible_caseworker: null, revision: 2, updated_at: T2,
      },
    ]);
  });

  it("R35 a supplementary grant awaiting the company is an employer task; D7 a closed-unused one is not", async () => {
    const [waiting, closed] = [supplementary('s-1'), supplementary('s-2')];
    await spec.given([waiting.drafted(), waiting.sent(T1), closed.drafted(), closed.sent(T1), closed.closedUnused(T2)]).thenRowsMatch([
      { case_id: 's-1', case_type: 'supplementary-grant', supplementary_grant_type: 'mentor', parent_grant_id: 'g-1', status: 'awaiting-company', employer_task_since: T1 },
      { case_id: 's-2', status: 'closed-unused', employer_task_since: null },
    ]);
  });

  it("D9 an application's 'Godkendt dato' and R31 'Modtaget dato'; R55 'Ansvarlig' from a shared event", async () => {
    const a = applicationEvents('a-1');
    const assigned: GivenEvent = { streamId: 'application-a-1', type: 'ResponsibleCaseworkerAssigned', data: { caseId: 'a-1', caseworkerId: 'cw-9' }, occurredAt: T2 };
    await spec.given([a.draftCreated(T0), a.receivedByJobcentre('2030-01-02', T1), a.approved('2030-01-03', T2), assigned]).thenRowsMatch([
      { case_id: 'a-1', case_type: 'application', status: 'approved', received_date: '2030-01-02', approved_date: '2030-01-03', responsible_caseworker: 'cw-9', employer_task_since: null, citizen_cpr: '0101901234' },
    ]);
  });

  it("R15 an offer keeps its status and gets 'Annulleret af virksomhed'; an IGU agreement has no scheme", async () => {
    const offer = (type: string, data: Record<string, unknown>, at: string): GivenEvent => ({ streamId: offerStreamId('o-1'), type, data: { offerId: 'o-1', ...data }, occurredAt: at });
    const igu = (type: string, data: Record<string, unknown>, at: string): GivenEvent => ({ streamId: iguAgreementStreamId('i-1'), type, data: { iguAgreementId: 'i-1', ...data }, occurredAt: at });
    await spec.given([
      offer('OfferCreated', { scheme: 'company-placement', onNationalList: false, jobcentre: '101', company, hoursPerWeek: 20, workTasks: 'Lager', employeeRepStepRequired: false, freeTextLimitApplies: true, createdAt: T0 }, T0),
      offer('OfferActivated', { activatedAt: T0 }, T0),
      offer('OfferCancelledByCompany', { cancelledAt: T1, cancelledBy: 'company-user-1' }, T1),
      igu('IguAgreementDrafted', { jobcentre: '101', company, citizen, createdBy: 'company', createdAt: T0 }, T0),
      igu('IguAgreementSentToCitizen', { sentAt: T1, sentBy: 'company', sentByUser: 'company-user-1' }, T1),
    ]).thenRowsMatch([
      { case_id: 'i-1', case_type: 'igu-agreement', scheme: null, status: 'awaiting-citizen', citizen_cpr: '0101901234', employer_task_since: null },
      { case_id: 'o-1', case_type: 'offer', scheme: 'company-placement', status: 'active', hours_per_week: 20, citizen_cpr: null, cancelled_by_company_at: T1, approved_date: null },
    ]);
  });

  it('R26 D19 a PA grant falls due 10 calendar months after its grant date, and again 10 months after a review; other schemes never', async () => {
    const [pa, reviewedPa, wage] = [grant('g-pa', { scheme: 'personal-assistant' }), grant('g-pa2', { scheme: 'personal-assistant' }), grant('g-lt')];
    await spec.given([
      pa.drafted(), pa.sent('2030-01-31T10:00:00.000Z'),
      reviewedPa.drafted(), reviewedPa.sent(T1), reviewedPa.reviewed('2030-11-05T10:00:00.000Z'),
      wage.drafted(), wage.sent(T1),
    ]).thenRowsMatch([
      { case_id: 'g-lt', approved_date: '2030-01-02', review_due_date: null },
      { case_id: 'g-pa', approved_date: '2030-01-31', review_due_date: '2030-11-30' }, // calendar months, clamped to the month's end
      { case_id: 'g-pa2', approved_date: '2030-01-02', review_due_date: '2031-09-05' },
    ]);
  });

  it("'Ophør' a terminated grant carries its date and reason; one closed at expiry its end date", async () => {
    const [ended, expired] = [grant('g-1'), grant('g-2')];
    await spec.given([ended.drafted(), ended.sent(T1), ended.terminated('2030-03-01', T2), expired.drafted(), expired.sent(T1), expired.closedAfterExpiry('2030-07-31', T2)]).thenRowsMatch([
      { case_id: 'g-1', status: 'terminated', ceased_date: '2030-03-01', cessation_reason: 'Ordinær beskæftigelse' },
      { case_id: 'g-2', status: 'closed', ceased_date: '2030-07-31', cessation_reason: null },
    ]);
  });

  it("D9 an offer's 'Godkendt dato' is its grant's date; R25 the offer has ceased once every grant made on it has", async () => {
    const offer = (id: string, type: string, data: Record<string, unknown>): GivenEvent => ({ streamId: offerStreamId(id), type, data: { offerId: id, ...data }, occurredAt: T0 });
    const created = (id: string) => offer(id, 'OfferCreated', { scheme: 'flex-job', onNationalList: false, jobcentre: '101', company, hoursPerWeek: 20, workTasks: 'Lager', employeeRepStepRequired: false, freeTextLimitApplies: true, createdAt: T0 });
    const [first, second, single] = [grant('g-1', { scheme: 'flex-job', offerId: 'o-1' }), grant('g-2', { scheme: 'flex-job', offerId: 'o-1' }), grant('g-3', { scheme: 'flex-job', offerId: 'o-2' })];
    await spec.given([
      created('o-1'), created('o-2'), created('o-3'),
      first.drafted(), first.sent(T1), second.drafted(), second.sent(T2), first.terminated('2030-03-01', T2),
      single.drafted(), single.sent(T2), single.terminated('2030-04-01', T2),
    ]).thenRowsMatch([
      { case_id: 'g-1', offer_id: 'o-1', ceased_date: '2030-03-01' },
      { case_id: 'g-2', offer_id: 'o-1', ceased_date: null },
      { case_id: 'g-3', offer_id: 'o-2' },
      { case_id: 'o-1', approved_date: '2030-01-02', ceased_date: null }, // one grant on it is still running
      { case_id: 'o-2', approved_date: '2030-01-03', ceased_date: '2030-04-01' },
      { case_id: 'o-3', approved_date: null, ceased_date: null },
    ]);
  });
});
