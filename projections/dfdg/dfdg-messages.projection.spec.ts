/**
 * The outbox on the real database: given events (appended through the PostgreSQL store) → then
 * rows. The real runner writes them with the projection's applyBatch, and the real rebuild swaps.
 */
import { rebuildProjection } from '../runner/rebuild';
import { ProjectionRunner } from '../runner/projection-runner';
import { GivenEvent, ProjectionDatabase, appendEvents, openDataSource, openProjectionDatabase, readAllEvents } from '../../test/support/projection-spec';
import { dfdgMessagesProjection, writeDfdgMessages } from './dfdg-messages.projection';
import { UNREPORTED_TABLE } from './dfdg-outbox';

const T = (n: number) => new Date(Date.UTC(2030, 0, 1, 8, 0, n)).toISOString();
const PARTIES = { company: { cvr: '12345678', pNumber: '1000000001' }, citizen: { cpr: '0101901234' } };

function grant(id: string, jobcentre: string) {
  const streamId = `grant-${id}`;
  const e = (type: string, data: Record<string, unknown>, n: number): GivenEvent => ({ streamId, type, data: { grantId: id, ...data }, occurredAt: T(n) });
  return {
    drafted: (n: number) =>
      e('GrantDrafted', { scheme: 'wage-subsidy', jobcentre, ...PARTIES, applicationId: null, offerId: null, period: { start: '2030-01-01', end: '2030-06-30' }, hoursPerWeek: 30, jobContent: null, freeTextLimitApplies: true, createdAt: T(n) }, n),
    sent: (n: number) => e('GrantSentForCompanyApproval', { sentAt: T(n) }, n),
    approved: (n: number) => e('GrantApprovedByCompany', { method: 'mitid-business', approvedAt: T(n), approvedBy: 'x' }, n),
    refused: (n: number) => e('GrantNotApproved', { by: 'company', at: T(n), actorId: 'x', reason: null }, n),
    responsible: (n: number): GivenEvent => ({ streamId, type: 'ResponsibleCaseworkerAssigned', data: { caseId: id, caseworkerId: 'cw-2', assignedAt: T(n) }, occurredAt: T(n) }),
    transferred: (n: number, to: string): GivenEvent => ({ streamId, type: 'CaseTransferredToJobcentre', data: { caseId: id, from: jobcentre, to, transferredAt: T(n) }, occurredAt: T(n) }),
  };
}

function supplementary(id: string) {
  const streamId = `supplementary-grant-${id}`;
  const e = (type: string, data: Record<string, unknown>, n: number): GivenEvent => ({ streamId, type, data: { supplementaryGrantId: id, ...data }, occurredAt: T(n) });
  return {
    drafted: (n: number) => e('SupplementaryGrantDrafted', { parentGrantId: 'g-a', supplementaryGrantType: 'mentor', scheme: 'wage-subsidy', jobcentre: '101', ...PARTIES, justification: 'x', remarks: null, freeTextLimitApplies: true, createdAt: T(n) }, n),
    closedUnused: (n: number) => e('SupplementaryGrantClosedUnused', { at: T(n) }, n),
    transferred: (n: number, to: string): GivenEvent => ({ streamId, type: 'CaseTransferredToJobcentre', data: { caseId: id, from: '101', to, transferredAt: T(n) }, occurredAt: T(n) }),
  };
}

const a = grant('g-a', '101');
const b = grant('g-b', '147');
const c = grant('g-c', '101');
const s = supplementary('s-a');
const application: GivenEvent = { streamId: 'application-x', type: 'CaseTransferredToJobcentre', data: { caseId: 'x', from: '101', to: '147', transferredAt: T(0) } };

/** Interleaved cases of two job centres, a transfer, events without a message, and D7. */
const HISTORY: GivenEvent[] = [
  a.drafted(0), b.drafted(1), application, a.sent(2), c.drafted(3), s.drafted(4), a.responsible(5), b.sent(6), a.approved(7),
  a.transferred(8, '147'), s.closedUnused(9), c.sent(10), a.refused(11), s.transferred(12, '147'), b.refused(13), c.approved(14),
];

async function project(env: ProjectionDatabase, batchSize: number, db = env.db): Promise<void> {
  const runner = new ProjectionRunner(env.store, db, env.registry, dfdgMessagesProjection, { batchSize, pollIntervalMs: 1000 });
  await runner.prepare();
  await runner.catchUp();
}

const rows = (env: ProjectionDatabase, table = 'dfdg_messages') =>
  env.db.query(`SELECT message_id, jobcentre, sequence::int, case_id, case_type, body::text, occurred_at FROM ${table} ORDER BY jobcentre, sequence`) as Promise<Record<string, unknown>[]>;

describe('the dfdg_messages outbox projection', () => {
  let env: ProjectionDatabase;
  beforeEach(async () => {
    env = await openProjectionDatabase();
    await appendEvents(env.store, HISTORY);
  });
  afterEach(() => env.close());

  it('numbers each job centre 1, 2, 3… in global order; a transferred case continues at its new job centre; one row per message, keyed by event id', async () => {
    await project(env, 3);
    const events = await readAllEvents(env.store);
    const idOf = (streamId: string, revision: number) => events.find((e) => e.streamId === streamId && e.revision === revision)!.id;
    const got = (await rows(env)).map((r) => [r.jobcentre, r.sequence, r.case_id, JSON.parse(String(r.body)).kind, r.message_id]);
    expect(got).toEqual([
      ['101', 1, 'g-a', 'created', idOf('grant-g-a', 0)],
      ['101', 2, 'g-a', 'changed', idOf('grant-g-a', 1)],
      ['101', 3, 'g-c', 'created', idOf('grant-g-c', 0)],
      ['101', 4, 's-a', 'created', idOf('supplementary-grant-s-a', 0)],
      ['101', 5, 'g-a', 'approved', idOf('grant-g-a', 3)],
      ['101', 6, 'g-c', 'changed', idOf('grant-g-c', 1)],
      ['101', 7, 'g-c', 'approved', idOf('grant-g-c', 2)],
      ['147', 1, 'g-b', 'created', idOf('grant-g-b', 0)],
      ['147', 2, 'g-b', 'changed', idOf('grant-g-b', 1)],
      ['147', 3, 'g-a', 'changed', idOf('grant-g-a', 4)],
      ['147', 4, 'g-a', 'refused', idOf('grant-g-a', 5)],
      ['147', 5, 'g-b', 'refused', idOf('grant-g-b', 2)],
    ]);
    const [body] = await env.db.query(`SELECT body FROM dfdg_messages WHERE jobcentre = '147' AND sequence = 4`);
    expect(body.body).toMatchObject({ sequence: 4, jobcentre: '147', vitasId: 'g-a', status: 'not-approved', caseRevision: 5, occurredAt: T(11), cessation: { dfdgCode: 14 } });
    expect(await env.db.query(`SELECT case_id, from_revision FROM ${UNREPORTED_TABLE}`)).toEqual([{ case_id: 's-a', from_revision: 1 }]);
  });

  it('gives the same rows whatever the batch size (one event per batch, or all in one)', async () => {
    await project(env, 1);
    const one = await rows(env);
    await env.db.query(`DROP TABLE dfdg_messages`);
    await env.db.query(`DELETE FROM projection_checkpoints WHERE name = 'dfdg_messages'`);
    await project(env, 1000);
    expect(await rows(env)).toEqual(one);
  });

  it('a rebuild writes byte-identical rows (same ids and sequences) and swaps them in, D7 mark known in advance', async () => {
    await project(env, 4);
    const before = await rows(env);
    await rebuildProjection(env.store, env.db, env.registry, dfdgMessagesProjection, { batchSize: 2 });
    expect(await rows(env)).toEqual(before);
    const [{ n }] = await env.db.query(`SELECT count(*)::int AS n FROM pg_tables WHERE tablename LIKE 'dfdg_messages_rb_%'`);
    expect(n).toBe(0);
  });
});

describe('the dfdg_messages outbox across batches (the states held between them)', () => {
  let env: ProjectionDatabase;
  beforeEach(async () => (env = await openProjectionDatabase()));
  afterEach(() => env.close());

  it('a batch that rolled back is folded again from the outbox, not from what it left in memory (D7 mark included)', async () => {
    await appendEvents(env.store, [s.drafted(0)]);
    await project(env, 10);
    await appendEvents(env.store, [s.closedUnused(1)]);
    const pending = (await readAllEvents(env.store)).slice(1);
    await env.db.transaction(async (m) => {
      await writeDfdgMessages(m, 'dfdg_messages', pending);
      throw new Error('the commit fails');
    }).catch(() => undefined);
    expect(await env.db.query(`SELECT * FROM ${UNREPORTED_TABLE}`)).toEqual([]);
    await project(env, 10);
    expect(await env.db.query(`SELECT case_id, from_revision FROM ${UNREPORTED_TABLE}`)).toEqual([{ case_id: 's-a', from_revision: 1 }]);
    await appendEvents(env.store, [s.transferred(2, '147')]);
    await project(env, 10);
    expect((await rows(env)).map((r) => JSON.parse(String(r.body)).kind)).toEqual(['created']);
  });

  it('another process having run the projection meanwhile is noticed (the revisions skip): its state is read from the outbox', async () => {
    const other = await openDataSource(env.url); // another process: its own connections, its own held states
    try {
      await appendEvents(env.store, [a.drafted(0), a.sent(1)]);
      await project(env, 10);
      await appendEvents(env.store, [a.approved(2)]);
      await project(env, 10, other);
      await appendEvents(env.store, [a.transferred(3, '147')]);
      await project(env, 10);
      const got = (await rows(env)).map((r) => JSON.parse(String(r.body))).map((b) => [b.jobcentre, b.sequence, b.kind, b.status]);
      expect(got).toEqual([['101', 1, 'created', 'drafted'], ['101', 2, 'changed', 'awaiting-company'], ['101', 3, 'approved', 'active'], ['147', 1, 'changed', 'active']]);
    } finally {
      await other.destroy();
    }
  });
});
