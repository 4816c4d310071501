/** What the grant HTTP specifications share: the actors, a draft body, and the steps to an active grant. */
import { offerStreamId } from '../../src/cases/offers/offer.events';
import { EVENT_STORE, EventStore } from '../../src/platform/event-store/event-store.port';
import { newEvent } from '../support/projection-spec';
import { CPR, CVR, JOBCENTRE, OTHER_CVR, OTHER_JOBCENTRE, P_NUMBER } from '../support/fixtures';
import { TestApp } from '../support/test-app';

export interface Actors {
  caseworker: string;
  otherCaseworker: string;
  company: string;
  otherCompany: string;
  citizen: string;
}

export async function actorsOf(t: TestApp): Promise<Actors> {
  const bearer = async (...args: Parameters<TestApp['token']>) => `Bearer ${await t.token(...args)}`;
  return {
    caseworker: await bearer('jobcentre', JOBCENTRE),
    otherCaseworker: await bearer('jobcentre', OTHER_JOBCENTRE),
    company: await bearer('company', CVR),
    otherCompany: await bearer('company', OTHER_CVR),
    citizen: await bearer('citizen', CPR),
  };
}

/** The body of POST /api/grants: a løntilskud grant in 2030; tests override what they are about. */
export function grantBody(overrides: Record<string, unknown> = {}) {
  return { scheme: 'wage-subsidy', company: { cvr: CVR, pNumber: P_NUMBER }, citizen: { cpr: CPR }, period: { start: '2030-01-01', end: '2030-06-30' }, hoursPerWeek: 30, jobContent: 'Lagerarbejde', ...overrides };
}

export function act(t: TestApp, id: string, action: string, who: string, body: object = {}, ifMatch?: number) {
  const req = t.http.post(`/api/grants/${id}/${action}`).set('Authorization', who);
  return (ifMatch === undefined ? req : req.set('If-Match', `"${ifMatch}"`)).send(body);
}

export async function draftGrant(t: TestApp, who: string, overrides: Record<string, unknown> = {}): Promise<{ id: string; revision: number }> {
  const res = await t.http.post('/api/grants').set('Authorization', who).send(grantBody(overrides));
  expect(res.status).toBe(201);
  return { id: res.body.id, revision: res.body.revision };
}

/** Drafted, sent and approved by the company: 'Aktiv' (for a PA grant: awaiting the citizen). */
export async function approvedGrant(t: TestApp, a: Actors, overrides: Record<string, unknown> = {}) {
  const { id } = await draftGrant(t, a.caseworker, overrides);
  expect((await act(t, id, 'send-for-approval', a.caseworker)).status).toBe(200);
  const approved = await act(t, id, 'approve-as-company', a.company);
  expect(approved.status).toBe(200);
  return { id, body: approved.body };
}

/** An active offer, recorded through the offers slice's event contract (offer.events.ts). */
export async function activeOffer(t: TestApp, offerId: string, facts: { scheme: string; onNationalList: boolean; jobcentre: string }): Promise<void> {
  const streamId = offerStreamId(offerId);
  const at = new Date().toISOString();
  const company = { role: 'company', userId: 'company-user-1', org: CVR } as const;
  const created = {
    offerId, ...facts, company: { cvr: CVR, pNumber: P_NUMBER }, hoursPerWeek: 30, workTasks: 'Montage', employeeRepStepRequired: false, freeTextLimitApplies: true, createdAt: at,
  };
  await t.app.get<EventStore>(EVENT_STORE).append(streamId, [newEvent({ streamId, type: 'OfferCreated', data: created, principal: company })], 'no_stream');
  await t.app.get<EventStore>(EVENT_STORE).append(streamId, [newEvent({ streamId, type: 'OfferActivated', data: { offerId, activatedAt: at }, principal: company })], 0);
}
