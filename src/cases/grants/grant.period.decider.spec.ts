import { deciderSpec } from '../../../test/support/decider-spec';
import { GrantCommand } from './grant.commands';
import { grantDecider } from './grant.decider';
import { GrantEvent } from './grant.events';
import { AT, D, active, awaitingCompany, caseworker, company, drafted, notApproved, statusAfter } from './grant.spec-fixtures';

const spec = deciderSpec(grantDecider);
const extend = (jobContent: string | null = null, newEndDate = '2026-12-31'): GrantCommand => ({ type: 'ExtendGrant', newEndDate, jobContent, actor: caseworker, now: D });
const terminate = (reasonId: number, subReasonId: number | null = null, effectiveDate = '2026-06-30'): GrantCommand => ({ type: 'TerminateGrant', reasonId, subReasonId, effectiveDate, actor: caseworker, now: D });
const transferred = (to: string, at = AT): GrantEvent => ({ type: 'CaseTransferredToJobcentre', data: { caseId: 'g-1', from: '101', to, transferredAt: at } });
const LONG = 'x'.repeat(2500);

describe('grant decider: extension and review', () => {
  it("extends an active grant ('Forlængelse') to a later end date", () => {
    spec.given(active()).when(extend('Nyt jobindhold')).then([
      { type: 'GrantExtended', data: { grantId: 'g-1', previousEndDate: '2026-09-30', newEndDate: '2026-12-31', jobContent: 'Nyt jobindhold', at: AT } },
    ]);
    spec.given(active()).when(extend(null, '2026-09-30')).thenThrows({ rule: 'grant-extension', field: 'newEndDate' });
    spec.given(awaitingCompany()).when(extend()).thenThrows({ rule: 'grant-lifecycle', kind: 'conflict' });
    spec.given(active()).when({ ...extend(), actor: company } as GrantCommand).thenThrows({ rule: 'authorization', kind: 'forbidden' });
  });

  it("R30 blocks extending an old VP or LT grant whose 'Jobindhold' is over 2,000 characters until it is shortened", () => {
    for (const scheme of ['company-placement', 'wage-subsidy'] as const) {
      const old = active(scheme, { jobContent: LONG, freeTextLimitApplies: false });
      spec.given(old).when(extend()).thenThrows({ rule: 'R30', field: 'jobContent', kind: 'rule-violation' });
      spec.given(old).when(extend(LONG)).thenThrows({ rule: 'R30', field: 'jobContent' });
      spec.given(old).when(extend('Kortere jobindhold')).then(expect.any(Array) as never);
    }
  });

  it('R30 leaves old grants of other schemes (e.g. fleksjob) as they are on extension', () => {
    spec.given(active('flex-job', { jobContent: LONG, freeTextLimitApplies: false })).when(extend()).then(expect.any(Array) as never);
    spec.given(active('flex-job', { jobContent: 'kort' })).when(extend(LONG)).thenThrows({ rule: 'R27', field: 'jobContent' }); // a new grant: R27
  });

  it("registers a review ('Revurdering'); R27 limits its 'Bemærkninger' on new grants only", () => {
    spec.given(active()).when({ type: 'ReviewGrant', remarks: 'Fortsætter', actor: caseworker, now: D }).then([{ type: 'GrantReviewed', data: { grantId: 'g-1', at: AT, remarks: 'Fortsætter' } }]);
    spec.given(active()).when({ type: 'ReviewGrant', remarks: LONG, actor: caseworker, now: D }).thenThrows({ rule: 'R27', field: 'remarks' });
    spec.given(active('wage-subsidy', { freeTextLimitApplies: false })).when({ type: 'ReviewGrant', remarks: LONG, actor: caseworker, now: D }).then(expect.any(Array) as never);
    spec.given([drafted()]).when({ type: 'ReviewGrant', remarks: null, actor: caseworker, now: D }).thenThrows({ rule: 'grant-lifecycle', kind: 'conflict' });
  });
});

describe('grant decider: cessation (D1, R43)', () => {
  it("registers a cessation with its VITAS reason text: 'Ophørt'", () => {
    const events = spec.given(active()).when(terminate(3)).then([
      { type: 'GrantTerminated', data: { grantId: 'g-1', scheme: 'wage-subsidy', reasonId: 3, subReasonId: null, reasonText: 'Fejlregistrering', effectiveDate: '2026-06-30', at: AT } },
    ]);
    expect(statusAfter([...active(), ...events])).toBe('terminated');
  });

  it('D1 looks a sub-reason up under its parent: (LT, 2, 4) is "Borgeren har ikke fulgt aktiviteten", never reason 4', () => {
    const [event] = spec.given(active()).when(terminate(2, 4)).then(expect.any(Array) as never);
    expect(event.data).toMatchObject({ reasonId: 2, subReasonId: 4, reasonText: 'Borgeren har ikke fulgt aktiviteten' });
  });

  it('D1 refuses an unknown key (422 naming the field) and a parent reason without its required sub-reason', () => {
    spec.given(active()).when(terminate(99)).thenThrows({ rule: 'D1', field: 'reasonId', kind: 'rule-violation' });
    spec.given(active()).when(terminate(2, 99)).thenThrows({ rule: 'D1', field: 'subReasonId' });
    spec.given(active()).when(terminate(2)).thenThrows({ rule: 'D1', field: 'subReasonId' });
    spec.given(active('adult-apprentice')).when(terminate(2, 4)).thenThrows({ rule: 'D1', field: 'reasonId' }); // no such VL key, never a guess
  });

  it('R43 has no reason 14 or 15 for caseworkers to pick; VP and LT reasons 0 and 1 are accepted', () => {
    for (const id of [14, 15]) spec.given(active()).when(terminate(id)).thenThrows({ rule: 'D1', field: 'reasonId' });
    for (const scheme of ['company-placement', 'wage-subsidy'] as const) {
      for (const id of [0, 1]) spec.given(active(scheme)).when(terminate(id)).then(expect.any(Array) as never);
    }
  });

  it('refuses a cessation after the end date, of a grant that is not active, or by another job centre', () => {
    spec.given(active()).when(terminate(3, null, '2026-10-01')).thenThrows({ rule: 'grant-cessation', field: 'effectiveDate' });
    spec.given(awaitingCompany()).when(terminate(3)).thenThrows({ rule: 'grant-lifecycle', kind: 'conflict' });
    spec.given(active()).when({ ...terminate(3), actor: { ...caseworker, org: '147' } } as GrantCommand).thenThrows({ rule: 'authorization', kind: 'forbidden' });
  });
});

describe('grant decider: ordinary expiry (R42, D2) and closing unused (D7)', () => {
  const system = { role: 'jobcentre', org: '101', userId: 'system:ordinary-expiry' };
  const expire = (now: string): GrantCommand => ({ type: 'CloseGrantAfterOrdinaryExpiry', actor: system, now: new Date(now) });
  const closed: GrantEvent = { type: 'GrantClosedAfterOrdinaryExpiry', data: { grantId: 'g-1', endDate: '2026-09-30', at: '2026-10-01T04:00:00.000Z' } };

  it('R42 D2 closes an active grant of any scheme, VL included, the day after its end date', () => {
    for (const scheme of ['wage-subsidy', 'adult-apprentice', 'mentor'] as const) {
      const events = spec.given(active(scheme)).when(expire('2026-10-01T04:00:00Z')).then([closed]);
      expect(statusAfter([...active(scheme), ...events])).toBe('closed');
    }
  });

  it('R42 counts Danish dates: 23:30 UTC on the end date is already the next day in Copenhagen', () => {
    spec.given(active()).when(expire('2026-09-30T21:30:00Z')).thenThrows({ rule: 'R42', kind: 'conflict', field: 'period.end' }); // 23:30 in Copenhagen
    spec.given(active()).when(expire('2026-09-30T22:30:00Z')).then([{ ...closed, data: { ...closed.data, at: '2026-09-30T22:30:00.000Z' } } as GrantEvent]);
  });

  it('R42 is idempotent: an already closed grant yields no events; a grant that is not active is refused', () => {
    spec.given([...active(), closed]).when(expire('2026-10-02T04:00:00Z')).then([]);
    spec.given(awaitingCompany()).when(expire('2026-10-02T04:00:00Z')).thenThrows({ rule: 'R42', kind: 'conflict', field: 'status' });
  });

  it("D7 closes a grant that has not started: 'Lukket bevilling (ej brugt)'", () => {
    const closeUnused: GrantCommand = { type: 'CloseUnusedGrant', actor: caseworker, now: D }; // D is before the period's start
    for (const given of [[drafted()], awaitingCompany(), active()]) {
      const events = spec.given(given).when(closeUnused).then([{ type: 'GrantClosedUnused', data: { grantId: 'g-1', at: AT } }]);
      expect(statusAfter([...given, ...events])).toBe('closed-unused');
    }
  });

  it('D7 refuses to close unused a grant whose period has started, or that has ended', () => {
    const inPeriod = new Date('2026-04-01T08:00:00Z');
    spec.given(active()).when({ type: 'CloseUnusedGrant', actor: caseworker, now: inPeriod }).thenThrows({ rule: 'grant-lifecycle', kind: 'conflict', field: 'status' });
    spec.given([...awaitingCompany(), notApproved('company')]).when({ type: 'CloseUnusedGrant', actor: caseworker, now: D }).thenThrows({ rule: 'grant-lifecycle', kind: 'conflict' });
  });
});

describe('grant decider: ownership (R33, D22, R55)', () => {
  const refusedOnApplication = [drafted({ applicationId: 'a-1' }), ...awaitingCompany().slice(1), notApproved('company', '2026-03-02T09:00:00.000Z')];
  const follow = (transferredAt: string, toJobcentre = '147'): GrantCommand => ({
    type: 'FollowParentTransfer', parentId: 'a-1', toJobcentre, transferredAt, actor: { role: 'jobcentre', org: '101', userId: 'system:follow-application-transfer' }, now: D,
  });

  it('R33 transfers a grant to another job centre in any status, a refused one included; the old job centre can no longer act', () => {
    spec.given(refusedOnApplication).when({ type: 'TransferGrant', toJobcentre: '147', actor: caseworker, now: D }).then([transferred('147')]);
    spec.given(active()).when({ type: 'TransferGrant', toJobcentre: '101', actor: caseworker, now: D }).thenThrows({ rule: 'R33', field: 'toJobcentre' });
    spec.given(active()).when({ type: 'TransferGrant', toJobcentre: '147', actor: company, now: D }).thenThrows({ rule: 'authorization', kind: 'forbidden' });
    spec.given([...active(), transferred('147')]).when(extend()).thenThrows({ rule: 'authorization', kind: 'forbidden' });
    spec.given([...active(), transferred('147')]).when({ ...extend(), actor: { ...caseworker, org: '147' } } as GrantCommand).then(expect.any(Array) as never);
  });

  it('D22 a grant refused before its application moved follows it to the new job centre', () => {
    spec.given(refusedOnApplication).when(follow('2026-03-05T10:00:00.000Z')).then([
      { type: 'CaseTransferredToJobcentre', data: { caseId: 'g-1', from: '101', to: '147', transferredAt: AT } },
    ]);
  });

  it('D22 does nothing (safe to repeat) for a grant refused later, already there, moved on its own since, or not refused', () => {
    spec.given(refusedOnApplication).when(follow('2026-03-01T10:00:00.000Z')).then([]);
    spec.given(refusedOnApplication).when(follow('2026-03-05T10:00:00.000Z', '101')).then([]);
    spec.given([...refusedOnApplication, transferred('202', '2026-03-06T10:00:00.000Z')]).when({ ...follow('2026-03-05T10:00:00.000Z'), actor: { role: 'jobcentre', org: '202', userId: 's' } } as GrantCommand).then([]);
    spec.given(active('wage-subsidy', { applicationId: 'a-1' })).when(follow('2026-03-05T10:00:00.000Z')).then([]);
  });

  it("R55 sets the responsible caseworker ('Sæt ansvarlig') on a grant of every scheme, by its job centre only", () => {
    for (const scheme of ['flex-job', 'personal-assistant', 'job-rotation'] as const) {
      spec.given(awaitingCompany(scheme)).when({ type: 'AssignResponsibleCaseworker', caseworkerId: 'cw-2', actor: caseworker, now: D }).then([
        { type: 'ResponsibleCaseworkerAssigned', data: { caseId: 'g-1', caseworkerId: 'cw-2', assignedAt: AT } },
      ]);
    }
    spec.given(active()).when({ type: 'AssignResponsibleCaseworker', caseworkerId: 'cw-2', actor: company, now: D }).thenThrows({ rule: 'authorization', kind: 'forbidden' });
  });
});
