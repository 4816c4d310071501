import { deciderSpec } from '../../../test/support/decider-spec';
import { Principal } from '../../platform/auth/principal';
import { IguAgreementCommand, evolveIguAgreement, iguAgreementDecider, initialIguAgreementState } from './igu-agreement.decider';
import { IguAgreementEvent } from './igu-agreement.events';
import { iguAgreementActions } from './igu-agreement.view';

const spec = deciderSpec(iguAgreementDecider);
const caseworker = { role: 'jobcentre', org: '101', userId: 'cw-1' };
const company = { role: 'company', org: '12345678', userId: 'co-1' };
const citizen = { role: 'citizen', org: '0101901234', userId: 'citizen-1' };
const D = new Date('2026-03-02T09:00:00Z');
const LATER = new Date('2026-03-04T09:00:00Z');
const parties = { jobcentre: '101', company: { cvr: '12345678', pNumber: '1000000001' }, citizen: { cpr: '0101901234' } };

const create = (actor = caseworker): IguAgreementCommand => ({ type: 'CreateIguAgreement', iguAgreementId: 'i-1', ...parties, actor, now: D });
const drafted = (createdBy: 'jobcentre' | 'company' = 'jobcentre'): IguAgreementEvent => ({
  type: 'IguAgreementDrafted', data: { iguAgreementId: 'i-1', ...parties, createdBy, createdAt: D.toISOString() },
});
const sent: IguAgreementEvent = { type: 'IguAgreementSentToCitizen', data: { iguAgreementId: 'i-1', sentAt: D.toISOString(), sentBy: 'jobcentre', sentByUser: 'cw-1' } };
const signed: IguAgreementEvent = { type: 'IguAgreementSignedByCitizen', data: { iguAgreementId: 'i-1', signedAt: LATER.toISOString(), method: 'mitid' } };
const send = (actor: typeof caseworker): IguAgreementCommand => ({ type: 'SendIguAgreementToCitizen', actor, now: LATER });
const sign = (actor = citizen): IguAgreementCommand => ({ type: 'SignIguAgreementAsCitizen', method: 'mitid', actor, now: LATER });
const HISTORIES = { draft: [drafted()], 'awaiting-citizen': [drafted(), sent], signed: [drafted(), sent, signed] };

describe('IGU agreement decider', () => {
  it("creates a draft ('Kladde') by the job centre or by the company", () => {
    spec.given([]).when(create()).then([drafted('jobcentre')]);
    spec.given([]).when(create(company)).then([drafted('company')]);
  });

  it('refuses a draft from another job centre, another company or the citizen with 403', () => {
    for (const actor of [{ ...caseworker, org: '147' }, { ...company, org: '87654321' }, citizen]) spec.given([]).when(create(actor)).thenThrows({ rule: 'authorization', kind: 'forbidden' });
  });

  it("sends the draft to the citizen ('Afventer borger') when the job centre or the company says 'Send til borger'", () => {
    spec.given([drafted()]).when(send(caseworker)).then([{ type: 'IguAgreementSentToCitizen', data: { iguAgreementId: 'i-1', sentAt: LATER.toISOString(), sentBy: 'jobcentre', sentByUser: 'cw-1' } }]);
    spec.given([drafted()]).when(send(company)).then([{ type: 'IguAgreementSentToCitizen', data: { iguAgreementId: 'i-1', sentAt: LATER.toISOString(), sentBy: 'company', sentByUser: 'co-1' } }]);
  });

  it("refuses 'Send til borger' by another company or job centre (403) and once sent (409)", () => {
    spec.given([drafted()]).when(send({ ...company, org: '87654321' })).thenThrows({ rule: 'authorization', kind: 'forbidden' });
    spec.given([drafted()]).when(send({ ...caseworker, org: '147' })).thenThrows({ rule: 'authorization', kind: 'forbidden' });
    spec.given([drafted(), sent]).when(send(caseworker)).thenThrows({ rule: 'igu-agreement-lifecycle', kind: 'conflict', field: 'status' });
  });

  it("R60 refuses 'Send til borger' to a citizen, its own agreement or not, in every status (403)", () => {
    for (const history of Object.values(HISTORIES)) {
      spec.given(history).when(send(citizen)).thenThrows({ rule: 'R60', kind: 'forbidden' });
      spec.given(history).when(send({ ...citizen, org: '0202020202' })).thenThrows({ rule: 'R60', kind: 'forbidden' });
    }
  });

  it("R60 never offers 'send-to-citizen' among a citizen's allowedActions, whatever the status", () => {
    const asCitizen: Principal = { role: 'citizen', org: '0101901234', userId: 'citizen-1' };
    for (const [status, history] of Object.entries(HISTORIES)) {
      const state = history.reduce(evolveIguAgreement, initialIguAgreementState());
      expect(state.status).toBe(status);
      expect(iguAgreementActions(asCitizen, state)).not.toContain('send-to-citizen');
    }
    const awaiting = HISTORIES['awaiting-citizen'].reduce(evolveIguAgreement, initialIguAgreementState());
    expect(iguAgreementActions(asCitizen, awaiting)).toEqual(['sign-as-citizen']);
    const draft = HISTORIES.draft.reduce(evolveIguAgreement, initialIguAgreementState());
    expect(iguAgreementActions({ role: 'company', org: '12345678', userId: 'co-1' }, draft)).toEqual(['send-to-citizen']);
  });

  it("lets the citizen (own CPR) sign with MitID ('Underskrevet'), and nobody else", () => {
    spec.given([drafted(), sent]).when(sign()).then([signed]);
    spec.given([drafted(), sent]).when(sign({ ...citizen, org: '0202020202' })).thenThrows({ rule: 'authorization', kind: 'forbidden' });
    spec.given([drafted(), sent]).when(sign(company)).thenThrows({ rule: 'authorization', kind: 'forbidden' });
  });

  it('refuses a signature before the agreement is sent, and a second one (409)', () => {
    spec.given([drafted()]).when(sign()).thenThrows({ rule: 'igu-agreement-lifecycle', kind: 'conflict' });
    spec.given([drafted(), sent, signed]).when(sign()).thenThrows({ rule: 'igu-agreement-lifecycle', kind: 'conflict' });
  });

  it('R33 transfers an IGU agreement to another job centre; only the owning job centre may', () => {
    spec.given([drafted(), sent]).when({ type: 'TransferIguAgreement', toJobcentre: '147', actor: caseworker, now: D }).then([
      { type: 'CaseTransferredToJobcentre', data: { caseId: 'i-1', from: '101', to: '147', transferredAt: D.toISOString() } },
    ]);
    spec.given([drafted()]).when({ type: 'TransferIguAgreement', toJobcentre: '147', actor: company, now: D }).thenThrows({ rule: 'authorization', kind: 'forbidden' });
  });

  it("R55 sets the responsible caseworker ('Sæt ansvarlig') on an IGU agreement; the company may not", () => {
    spec.given([drafted()]).when({ type: 'AssignResponsibleCaseworker', caseworkerId: 'cw-2', actor: caseworker, now: D }).then([
      { type: 'ResponsibleCaseworkerAssigned', data: { caseId: 'i-1', caseworkerId: 'cw-2', assignedAt: D.toISOString() } },
    ]);
    spec.given([drafted()]).when({ type: 'AssignResponsibleCaseworker', caseworkerId: 'cw-2', actor: company, now: D }).thenThrows({ rule: 'authorization', kind: 'forbidden' });
  });
});
