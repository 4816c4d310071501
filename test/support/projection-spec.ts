/**
 * given(events).thenRows(rows) for projections (style.md §4). The events are really appended
 * to a fresh PostgreSQL database through the PostgreSQL event store, the real runner folds
 * them (prepare + catchUp), and the table's rows are compared as JSON, ordered by key.
 */
import { DataSource } from 'typeorm';
import { Projection, Row } from '../../projections/runner/projection';
import { ident } from '../../projections/runner/projection-table';
import { ProjectionRunner } from '../../projections/runner/projection-runner';
import { applicationStreamId, ApplicationEvent } from '../../src/cases/applications/application.events';
import { createEventRegistry } from '../../src/event-types';
import { Principal } from '../../src/platform/auth/principal';
import { NewEvent, RecordedEvent } from '../../src/platform/event-store/event-store.port';
import { openPostgresEventStore, PostgresEventStore } from '../../src/platform/event-store/postgres/postgres-event-store';
import { EventRegistry } from '../../src/platform/events/event-registry';
import { uuidv7 } from '../../src/platform/events/uuidv7';
import { createEmptyDatabase } from './test-database';

/** An event to append: its stream, type and data; the metadata is filled in. */
export interface GivenEvent {
  streamId: string;
  type: string;
  data: Record<string, unknown>;
  occurredAt?: string;
  principal?: Pick<Principal, 'role' | 'userId' | 'org'>;
}

export interface ProjectionDatabase {
  url: string;
  store: PostgresEventStore;
  db: DataSource;
  registry: EventRegistry;
  close(): Promise<void>;
}

/** A fresh, migrated database with the PostgreSQL event store and a TypeORM DataSource on it. */
export async function openProjectionDatabase(): Promise<ProjectionDatabase> {
  const url = await createEmptyDatabase('projection');
  const store = await openPostgresEventStore({ databaseUrl: url, poolSize: 5 });
  const db = await openDataSource(url);
  return {
    url, store, db, registry: createEventRegistry(),
    async close() {
      await store.close();
      if (db.isInitialized) await db.destroy();
    },
  };
}

export function openDataSource(url: string): Promise<DataSource> {
  return new DataSource({ type: 'postgres', url, extra: { max: 10 }, logging: false }).initialize();
}

export function newEvent(given: GivenEvent): NewEvent {
  const id = uuidv7();
  return {
    id,
    type: given.type,
    data: given.data,
    metadata: {
      eventId: id,
      correlationId: id,
      causationId: id,
      principal: given.principal ?? { role: 'jobcentre', userId: 'caseworker-1', org: '101' },
      occurredAt: given.occurredAt ?? new Date().toISOString(),
      schemaVersion: 1,
    },
  };
}

/** Appends the events one at a time, in the order given. */
export async function appendEvents(store: PostgresEventStore, events: GivenEvent[]): Promise<void> {
  for (const e of events) await store.append(e.streamId, [newEvent(e)], 'any');
}

/** Every event visible in the store, in global order. */
export async function readAllEvents(store: PostgresEventStore): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for (let from: string | null = null; ; ) {
    const batch = await store.readAll(from, 1000);
    if (!batch.events.length) return all;
    all.push(...batch.events);
    from = batch.checkpoint;
  }
}

/** The table's rows as JSON, ordered by key; timestamps normalised to ISO UTC. */
export async function tableRows(db: DataSource, projection: Pick<Projection, 'key' | 'table'>, table = projection.table): Promise<Row[]> {
  const rows: { row: Row }[] = await db.query(`SELECT to_jsonb(t) AS row FROM ${ident(table)} t ORDER BY ${ident(projection.key)}`);
  return rows.map((r) => normalise(r.row));
}

export async function storedCheckpoint(db: DataSource, name: string): Promise<{ checkpoint: string | null; definitionHash: string } | undefined> {
  const [row] = await db.query(`SELECT checkpoint, definition_hash FROM projection_checkpoints WHERE name = $1`, [name]);
  return row && { checkpoint: row.checkpoint, definitionHash: row.definition_hash };
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function normalise(row: Row): Row {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' && TIMESTAMP.test(v) ? new Date(v).toISOString() : v]));
}

export function projectionSpec<R extends Row>(projection: Projection<R>) {
  const run = async (events: GivenEvent[]): Promise<Row[]> => {
    const env = await openProjectionDatabase();
    try {
      await appendEvents(env.store, events);
      const runner = new ProjectionRunner(env.store, env.db, env.registry, projection, { batchSize: 100, pollIntervalMs: 1000 });
      await runner.prepare();
      await runner.catchUp();
      return await tableRows(env.db, projection);
    } finally {
      await env.close();
    }
  };
  return {
    given(events: GivenEvent[]) {
      return {
        /** The table holds exactly these rows (every column), ordered by key. */
        async thenRows(expected: R[]): Promise<Row[]> {
          const actual = await run(events);
          expect(actual).toEqual(expected.map(normalise));
          return actual;
        },
        /** The table holds exactly these rows; only the columns named are compared. */
        async thenRowsMatch(expected: Partial<R>[]): Promise<Row[]> {
          const actual = await run(events);
          expect(actual).toMatchObject(expected.map((r) => normalise(r as Row)));
          return actual;
        },
      };
    },
  };
}

type ApplicationData<T extends ApplicationEvent['type']> = Omit<Extract<ApplicationEvent, { type: T }>['data'], 'applicationId'>;

const CASEWORKER = { role: 'jobcentre', userId: 'caseworker-1', org: '101' } as const;
const COMPANY = { role: 'company', userId: 'company-user-1', org: '12345678' } as const;
const EMPLOYEE_REP = { role: 'employee-representative', userId: 'rep-1', org: '1000000001' } as const;

/** Builders of one application's events, shaped as the decider emits them; `at` is an ISO instant. */
export function applicationEvents(applicationId: string) {
  const streamId = applicationStreamId(applicationId);
  const event = <T extends ApplicationEvent['type']>(type: T, data: ApplicationData<T>, occurredAt: string, principal: GivenEvent['principal'] = CASEWORKER): GivenEvent => ({
    streamId, type, data: { applicationId, ...data }, occurredAt, principal,
  });
  return {
    draftCreated: (at: string, overrides: Partial<ApplicationData<'ApplicationDraftCreated'>> = {}) =>
      event('ApplicationDraftCreated', {
        scheme: 'wage-subsidy', jobcentre: '101', company: { cvr: '12345678', pNumber: '1000000001' }, citizen: { cpr: '0101901234' },
        employeeRepStepRequired: true, createdAt: at, ...overrides,
      }, at),
    draftLinkEmailSent: (at: string) => event('DraftLinkEmailSent', { companyCvr: '12345678', sentAt: at }, at),
    signedByCompany: (at: string) => event('ApplicationSignedByCompany', { signedAt: at, method: 'nemid-employee-signature', signedBy: COMPANY.userId }, at, COMPANY),
    sentToEmployeeRep: (at: string) => event('ApplicationSentToEmployeeRep', { sentAt: at }, at, COMPANY),
    signedByEmployeeRep: (at: string) => event('ApplicationSignedByEmployeeRep', { signedAt: at, signedBy: EMPLOYEE_REP.userId }, at, EMPLOYEE_REP),
    rejectedByEmployeeRep: (at: string, reason = 'Ingen ledig plads') =>
      event('ApplicationRejectedByEmployeeRep', { rejectedAt: at, rejectedBy: EMPLOYEE_REP.userId, reason }, at, EMPLOYEE_REP),
    receivedByJobcentre: (receivedDate: string, at: string) => event('ApplicationReceivedByJobcentre', { receivedDate }, at, EMPLOYEE_REP),
    approved: (approvedDate: string, at: string) => event('ApplicationApproved', { approvedDate, approvedBy: CASEWORKER.userId }, at),
    rejected: (rejectedDate: string, at: string, reason = 'Betingelserne er ikke opfyldt') =>
      event('ApplicationRejected', { rejectedDate, rejectedBy: CASEWORKER.userId, reason }, at),
  };
}

/**
 * A minimal projection for runner tests: one row per `key` in the event data, counting the
 * events folded into it. `evolve` throws on an event whose data has `poison: true` when
 * `failOnPoison` is set, and calls `onEvolve` (to act mid-batch).
 */
export interface CounterRow extends Row {
  id: string;
  count: number;
  last_position: number;
}

export function counterProjection(options: { name?: string; table?: string; failOnPoison?: boolean; onEvolve?: (e: RecordedEvent) => void; version?: number } = {}): Projection<CounterRow> {
  return {
    name: options.name ?? 'counters',
    table: options.table ?? 'counters',
    key: 'id',
    columns: [
      { name: 'id', type: 'text' },
      { name: 'count', type: 'integer', nullable: false },
      { name: 'last_position', type: 'integer', nullable: false },
    ],
    indexes: [['last_position']],
    handles: ['Counted'],
    version: options.version,
    keyOf: (e) => String(e.data.key),
    evolve(row, e) {
      options.onEvolve?.(e);
      if (options.failOnPoison && e.data.poison === true) throw new Error(`poisoned event ${e.id}`);
      return { id: String(e.data.key), count: (row?.count ?? 0) + 1, last_position: Number(e.data.n) };
    },
  };
}

/** A `Counted` event for the counter projection; `n` is its sequence number in the test. */
export function counted(key: string, n: number, extra: Record<string, unknown> = {}): GivenEvent {
  return { streamId: `counter-${key}`, type: 'Counted', data: { key, n, ...extra } };
}

/** Polls until `check` returns true; fails after `timeoutMs` with `what` in the message. */
export async function eventually(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
