/** What the DFDG feed specifications share: a case system's feed, and grants of any scheme carried to 'Aktiv' over HTTP. */
import { DfdgMessage } from '../../src/dfdg/dfdg-message';
import { SCHEMES, Scheme } from '../../src/registries/schemes';
import { TestApp } from '../support/test-app';
import { Actors, act, grantBody } from './grants.e2e-support';

export interface Feed {
  bearer: string;
  /** One GET of the feed; `after` and the rest as query parameters. */
  get(query?: Record<string, string | number>): ReturnType<TestApp['http']['get']>;
  /** Every message from the beginning, page by page (after the projections settled). */
  all(): Promise<DfdgMessage[]>;
  /** Every message of one case, in order. */
  of(vitasId: string): Promise<DfdgMessage[]>;
}

export async function feedOf(t: TestApp, jobcentre: string): Promise<Feed> {
  const bearer = `Bearer ${await t.token('case-system', jobcentre)}`;
  const get = (query: Record<string, string | number> = {}) => t.http.get('/api/dfdg/messages').query(query).set('Authorization', bearer);
  const all = async () => {
    await t.settle();
    const messages: DfdgMessage[] = [];
    for (let after: string | undefined; ; ) {
      const res = await get({ limit: 1000, ...(after ? { after } : {}) }).expect(200);
      messages.push(...res.body.messages);
      if (res.body.messages.length < 1000) return messages;
      after = res.body.next;
    }
  };
  return { bearer, get, all, of: async (vitasId) => (await all()).filter((m) => m.vitasId === vitasId) };
}

/** POST /api/grants for any scheme: hours only where the scheme has them (D13), fleksjob facts on a fleksjob. */
export function schemeGrantBody(scheme: Scheme, overrides: Record<string, unknown> = {}) {
  const extra = { ...(SCHEMES[scheme].compensating ? { hoursPerWeek: null } : {}), ...(scheme === 'flex-job' ? { fleksjob: { permanent: false, employedInOwnCompany: false } } : {}) };
  return grantBody({ scheme, ...extra, ...overrides });
}

/** Drafted, sent, approved by the company (and by the citizen on a PA grant): 'Aktiv'. */
export async function activeGrant(t: TestApp, a: Actors, scheme: Scheme, overrides: Record<string, unknown> = {}): Promise<string> {
  const id = (await t.http.post('/api/grants').set('Authorization', a.caseworker).send(schemeGrantBody(scheme, overrides)).expect(201)).body.id;
  await act(t, id, 'send-for-approval', a.caseworker).expect(200);
  await act(t, id, 'approve-as-company', a.company).expect(200);
  if (scheme === 'personal-assistant') await act(t, id, 'approve-as-citizen', a.citizen, { method: 'mitid' }).expect(200);
  return id;
}
