import { GivenEvent, projectionSpec } from '../../test/support/projection-spec';
import { OfferEvent, offerStreamId } from '../../src/cases/offers/offer.events';
import { grantStreamId } from '../../src/cases/grants/grant.events';
import { OfferRow, offersProjection } from './offers.projection';

const spec = projectionSpec(offersProjection);
const COMPANY = { role: 'company', userId: 'company-user-1', org: '12345678' } as const;
const REP = { role: 'employee-representative', userId: 'rep-1', org: '1000000001' } as const;
const CASEWORKER = { role: 'jobcentre', userId: 'caseworker-1', org: '101' } as const;
const T0 = '2026-03-01T08:00:00.000Z';
const T1 = '2026-03-03T10:00:00.000Z';
const T2 = '2026-03-05T12:00:00.000Z';

type Data<T extends OfferEvent['type']> = Omit<Extract<OfferEvent, { type: T }>['data'], 'offerId' | 'caseId'>;

/** Builders of one offer's events, shaped as the decider emits them. */
function offer(offerId: string) {
  const event = <T extends OfferEvent['type']>(type: T, data: Data<T>, at: string, principal: GivenEvent['principal'] = COMPANY): GivenEvent => ({
    streamId: offerStreamId(offerId), type, data: { offerId, ...data }, occurredAt: at, principal,
  });
  return {
    created: (at: string, employeeRepStepRequired = true) =>
      event('OfferCreated', {
        scheme: 'wage-subsidy', onNationalList: true, jobcentre: '101', company: { cvr: '12345678', pNumber: '1000000001' }, hoursPerWeek: 37.5,
        workTasks: 'Svejsning', employeeRepStepRequired, freeTextLimitApplies: true, createdAt: at,
      }, at),
    sentToRep: (at: string) => event('OfferSentToEmployeeRep', { sentAt: at }, at),
    activated: (at: string) => event('OfferActivated', { activatedAt: at }, at),
    approvedByRep: (at: string) => event('OfferApprovedByEmployeeRep', { approvedAt: at, approvedBy: 'rep-1' }, at, REP),
    rejectedByRep: (at: string) => event('OfferRejectedByEmployeeRep', { rejectedAt: at, rejectedBy: 'rep-1', reason: 'Nej' }, at, REP),
    cancelled: (at: string) => event('OfferCancelledByCompany', { cancelledAt: at, cancelledBy: 'company-user-1' }, at),
    transferred: (at: string, to: string): GivenEvent => ({ streamId: offerStreamId(offerId), type: 'CaseTransferredToJobcentre', data: { caseId: offerId, from: '101', to, transferredAt: at }, occurredAt: at, principal: CASEWORKER }),
    responsible: (at: string, caseworkerId: string): GivenEvent => ({ streamId: offerStreamId(offerId), type: 'ResponsibleCaseworkerAssigned', data: { caseId: offerId, caseworkerId, assignedAt: at }, occurredAt: at, principal: CASEWORKER }),
  };
}

/** R44: the grants slice's event on the grant's own stream. */
const grantCreatedOnOffer = (grantId: string, offerId: string, at: string): GivenEvent => ({
  streamId: grantStreamId(grantId), type: 'GrantCreatedOnOffer', data: { grantId, offerId }, occurredAt: at, principal: CASEWORKER,
});

const o1 = offer('o-1');

describe('offers projection (the offers read model)', () => {
  it("folds a new offer sent to the representative into a complete row ('Sendt til medarbejder-rep')", async () => {
    const row: OfferRow = {
      offer_id: 'o-1', scheme: 'wage-subsidy', status: 'sent-to-employee-rep', on_national_list: true, jobcentre: '101', company_cvr: '12345678', p_number: '1000000001',
      hours_per_week: 37.5, employee_rep_step_required: true, created_at: T0, cancelled_at: null, grant_ids: [], responsible_caseworker: null, revision: 1, updated_at: T0,
    };
    await spec.given([o1.created(T0), o1.sentToRep(T0)]).thenRows([row]);
  });

  it("D23 shows an offer without the representative step as 'active' at once", async () => {
    await spec.given([o1.created(T0, false), o1.activated(T0)]).thenRowsMatch([{ offer_id: 'o-1', status: 'active', employee_rep_step_required: false }]);
  });

  it("R9 records the representative's approval ('active') and rejection ('rejected-by-employee-rep')", async () => {
    const o2 = offer('o-2');
    await spec
      .given([o1.created(T0), o1.sentToRep(T0), o2.created(T0), o2.sentToRep(T0), o1.approvedByRep(T1), o2.rejectedByRep(T1)])
      .thenRowsMatch([{ offer_id: 'o-1', status: 'active', updated_at: T1 }, { offer_id: 'o-2', status: 'rejected-by-employee-rep', updated_at: T1 }]);
  });

  it('R15 D24 sets the cancelled flag with its timestamp and keeps the status', async () => {
    await spec.given([o1.created(T0, false), o1.activated(T0), o1.cancelled(T1)]).thenRowsMatch([{ offer_id: 'o-1', status: 'active', cancelled_at: T1, revision: 2 }]);
  });

  it("R44 D24 links the grants created on the offer, before and after its cancellation, once each, without touching the offer's revision", async () => {
    await spec
      .given([
        o1.created(T0, false), o1.activated(T0), grantCreatedOnOffer('g-1', 'o-1', T1), o1.cancelled(T1),
        grantCreatedOnOffer('g-2', 'o-1', T2), grantCreatedOnOffer('g-2', 'o-1', T2),
      ])
      .thenRowsMatch([{ offer_id: 'o-1', status: 'active', cancelled_at: T1, grant_ids: ['g-1', 'g-2'], revision: 2, updated_at: T1 }]);
  });

  it('R33 R55 follows transfers and the responsible caseworker', async () => {
    await spec
      .given([o1.created(T0, false), o1.activated(T0), o1.responsible(T1, 'cw-jens'), o1.transferred(T2, '147')])
      .thenRowsMatch([{ offer_id: 'o-1', jobcentre: '147', responsible_caseworker: 'cw-jens', revision: 3, updated_at: T2 }]);
  });

  it('yields no row for events of an offer it never saw created, nor for grants on it', async () => {
    const unknown = offer('o-unknown');
    await spec.given([unknown.sentToRep(T0), unknown.cancelled(T1), grantCreatedOnOffer('g-9', 'o-unknown', T1)]).thenRows([]);
  });

  it("ignores another case type's shared events even when it knows the offer", async () => {
    const foreign: GivenEvent = { streamId: 'application-o-1', type: 'CaseTransferredToJobcentre', data: { caseId: 'o-1', from: '101', to: '999', transferredAt: T1 }, occurredAt: T1 };
    await spec.given([o1.created(T0, false), o1.activated(T0), foreign]).thenRowsMatch([{ offer_id: 'o-1', jobcentre: '101', revision: 1 }]);
  });
});
