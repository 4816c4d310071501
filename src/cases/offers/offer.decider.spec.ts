import { deciderSpec } from '../../../test/support/decider-spec';
import { Scheme } from '../../registries/schemes';
import { OfferCommand, evolveOffer, initialOfferState, offerDecider } from './offer.decider';
import { OfferEvent } from './offer.events';

const spec = deciderSpec(offerDecider);
const company = { role: 'company', org: '12345678', userId: 'co-1' };
const employeeRep = { role: 'employee-representative', org: '1000000001', userId: 'rep-1' };
const caseworker = { role: 'jobcentre', org: '101', userId: 'cw-1' };
const D = new Date('2026-03-02T09:00:00Z');
const LATER = new Date('2026-03-05T09:00:00Z');
const EFFECTIVE = new Date('2022-11-01T00:00:00Z');

const create = (scheme: Scheme, pUnitHasEmployeeRepresentative: boolean, overrides: Partial<Extract<OfferCommand, { type: 'CreateOffer' }>> = {}): OfferCommand => ({
  type: 'CreateOffer', offerId: 'o-1', scheme, jobcentre: '101', company: { cvr: '12345678', pNumber: '1000000001' }, onNationalList: true, hoursPerWeek: 30,
  workTasks: 'Svejsning og montage', pUnitHasEmployeeRepresentative, freeTextLimitEffectiveDate: EFFECTIVE, actor: company, now: D, ...overrides,
});

const created = (scheme: Scheme, employeeRepStepRequired: boolean, freeTextLimitApplies = true): OfferEvent => ({
  type: 'OfferCreated',
  data: {
    offerId: 'o-1', scheme, onNationalList: true, jobcentre: '101', company: { cvr: '12345678', pNumber: '1000000001' }, hoursPerWeek: 30,
    workTasks: 'Svejsning og montage', employeeRepStepRequired, freeTextLimitApplies, createdAt: D.toISOString(),
  },
});
const sentToRep: OfferEvent = { type: 'OfferSentToEmployeeRep', data: { offerId: 'o-1', sentAt: D.toISOString() } };
const activated: OfferEvent = { type: 'OfferActivated', data: { offerId: 'o-1', activatedAt: D.toISOString() } };
const rejected: OfferEvent = { type: 'OfferRejectedByEmployeeRep', data: { offerId: 'o-1', rejectedAt: D.toISOString(), rejectedBy: 'rep-1', reason: 'Nej' } };
const cancelled = (at = D): OfferEvent => ({ type: 'OfferCancelledByCompany', data: { offerId: 'o-1', cancelledAt: at.toISOString(), cancelledBy: 'co-1' } });
const awaitingRep = [created('wage-subsidy', true), sentToRep];
const active = [created('flex-job', false), activated];
const cancel: OfferCommand = { type: 'CancelOffer', actor: company, now: LATER };

describe('offer decider', () => {
  it("D23 R9 sends a løntilskud offer at a P-unit with a representative to them ('Sendt til medarbejder-rep')", () => {
    spec.given([]).when(create('wage-subsidy', true)).then(awaitingRep);
  });

  it("D23 applies the representative step only to VP, LT and VL with a representative; otherwise the offer is 'Aktiv' at once (ASSUMPTION: OfferActivated)", () => {
    for (const scheme of ['company-placement', 'adult-apprentice'] as const) spec.given([]).when(create(scheme, true)).then([created(scheme, true), sentToRep]);
    spec.given([]).when(create('flex-job', true)).then([created('flex-job', false), activated]);
    spec.given([]).when(create('wage-subsidy', false)).then([created('wage-subsidy', false), activated]);
  });

  it('refuses an offer from anyone but the company itself (role and organisation), with 403', () => {
    spec.given([]).when(create('wage-subsidy', true, { actor: caseworker })).thenThrows({ rule: 'authorization', kind: 'forbidden' });
    spec.given([]).when(create('wage-subsidy', true, { actor: { ...company, org: '87654321' } })).thenThrows({ rule: 'authorization', kind: 'forbidden' });
    spec.given([]).when(create('wage-subsidy', true, { actor: { ...employeeRep, org: '12345678' } })).thenThrows({ rule: 'authorization', kind: 'forbidden' });
  });

  it('refuses a second offer on the same id with 409', () => {
    spec.given(awaitingRep).when(create('wage-subsidy', true)).thenThrows({ rule: 'offer-lifecycle', kind: 'conflict' });
  });

  it("R27 refuses 'Arbejdsopgaver' over 2,000 characters, counted in code points, on offers created from the effective date", () => {
    spec.given([]).when(create('flex-job', false, { workTasks: 'x'.repeat(2001) })).thenThrows({ rule: 'R27', kind: 'rule-violation', field: 'workTasks' });
    const twoThousandEmoji = '🔧'.repeat(2000); // 4,000 UTF-16 units, 2,000 code points
    const [event] = spec.given([]).when(create('flex-job', false, { workTasks: twoThousandEmoji })).then(expect.any(Array) as never);
    expect(event).toMatchObject({ type: 'OfferCreated', data: { workTasks: twoThousandEmoji, freeTextLimitApplies: true } });
  });

  it('R27 records on the event that an offer created before the effective date is not under the limit', () => {
    const before = create('flex-job', false, { workTasks: 'x'.repeat(2500), freeTextLimitEffectiveDate: new Date('2027-01-01T00:00:00Z') });
    const [event] = spec.given([]).when(before).then(expect.any(Array) as never);
    expect(event).toMatchObject({ type: 'OfferCreated', data: { freeTextLimitApplies: false } });
  });

  it("R9 lets the representative approve ('Aktiv') or reject ('Afvist af medarbejder-rep')", () => {
    spec.given(awaitingRep).when({ type: 'ApproveOfferAsEmployeeRep', actor: employeeRep, now: LATER }).then([
      { type: 'OfferApprovedByEmployeeRep', data: { offerId: 'o-1', approvedAt: LATER.toISOString(), approvedBy: 'rep-1' } },
    ]);
    spec.given(awaitingRep).when({ type: 'RejectOfferAsEmployeeRep', reason: 'Ingen plads', actor: employeeRep, now: LATER }).then([
      { type: 'OfferRejectedByEmployeeRep', data: { offerId: 'o-1', rejectedAt: LATER.toISOString(), rejectedBy: 'rep-1', reason: 'Ingen plads' } },
    ]);
    const state = [...awaitingRep, rejected].reduce(evolveOffer, initialOfferState());
    expect(state).toMatchObject({ status: 'rejected-by-employee-rep', rejectionReason: 'Nej' });
  });

  it('R9 refuses a representative decision on an offer not sent to them (409) and one by another P-unit or role (403)', () => {
    spec.given(active).when({ type: 'ApproveOfferAsEmployeeRep', actor: employeeRep, now: LATER }).thenThrows({ rule: 'R9', kind: 'conflict', field: 'status' });
    spec.given([...awaitingRep, rejected]).when({ type: 'RejectOfferAsEmployeeRep', reason: 'x', actor: employeeRep, now: LATER }).thenThrows({ rule: 'R9', kind: 'conflict' });
    spec.given(awaitingRep).when({ type: 'ApproveOfferAsEmployeeRep', actor: { ...employeeRep, org: '2000000001' }, now: LATER }).thenThrows({ rule: 'authorization', kind: 'forbidden' });
    spec.given(awaitingRep).when({ type: 'ApproveOfferAsEmployeeRep', actor: company, now: LATER }).thenThrows({ rule: 'authorization', kind: 'forbidden' });
  });
});

describe("offer decider: 'Annulleret af virksomhed' (R15, D24)", () => {
  it('R15 D24 lets the company cancel at any time: awaiting the representative, active, or rejected', () => {
    for (const history of [awaitingRep, active, [...awaitingRep, rejected]]) spec.given(history).when(cancel).then([cancelled(LATER)]);
  });

  it('R15 D24 sets a flag with its timestamp and leaves the status as it was', () => {
    for (const history of [awaitingRep, active]) {
      const before = history.reduce(evolveOffer, initialOfferState());
      const after = evolveOffer(before, cancelled(LATER));
      expect(after).toEqual({ ...before, cancelledAt: LATER.toISOString() });
      expect(after.status).toBe(before.status);
    }
  });

  it('D24 refuses cancelling twice with 409', () => {
    spec.given([...active, cancelled()]).when(cancel).thenThrows({ rule: 'D24', kind: 'conflict', field: 'cancelledByCompany' });
  });

  it('refuses a cancellation by another company, the representative or the job centre with 403', () => {
    for (const actor of [{ ...company, org: '87654321' }, employeeRep, caseworker]) spec.given(active).when({ ...cancel, actor }).thenThrows({ rule: 'authorization', kind: 'forbidden' });
  });

  it('D24 (ASSUMPTION) leaves a cancelled offer awaiting no representative decision', () => {
    spec.given([...awaitingRep, cancelled()]).when({ type: 'ApproveOfferAsEmployeeRep', actor: employeeRep, now: LATER }).thenThrows({ rule: 'D24', kind: 'conflict' });
  });
});

describe('offer decider: ownership', () => {
  it('R33 transfers an offer to another job centre, cancelled or not; only the owning job centre may', () => {
    for (const history of [active, [...active, cancelled()]]) {
      spec.given(history).when({ type: 'TransferOffer', toJobcentre: '147', actor: caseworker, now: D }).then([
        { type: 'CaseTransferredToJobcentre', data: { caseId: 'o-1', from: '101', to: '147', transferredAt: D.toISOString() } },
      ]);
    }
    spec.given(active).when({ type: 'TransferOffer', toJobcentre: '147', actor: { ...caseworker, org: '147' }, now: D }).thenThrows({ rule: 'authorization', kind: 'forbidden' });
    spec.given(active).when({ type: 'TransferOffer', toJobcentre: '147', actor: company, now: D }).thenThrows({ rule: 'authorization', kind: 'forbidden' });
    spec.given(active).when({ type: 'TransferOffer', toJobcentre: '101', actor: caseworker, now: D }).thenThrows({ rule: 'R33', field: 'toJobcentre' });
  });

  it("R55 sets the responsible caseworker ('Sæt ansvarlig') on an offer; the company may not", () => {
    spec.given(active).when({ type: 'AssignResponsibleCaseworker', caseworkerId: 'cw-2', actor: caseworker, now: D }).then([
      { type: 'ResponsibleCaseworkerAssigned', data: { caseId: 'o-1', caseworkerId: 'cw-2', assignedAt: D.toISOString() } },
    ]);
    spec.given(active).when({ type: 'AssignResponsibleCaseworker', caseworkerId: 'cw-2', actor: company, now: D }).thenThrows({ rule: 'authorization', kind: 'forbidden' });
  });
});
