/**
 * A projection that fails is loud, not silent (issue 10): /health answers 503 naming the
 * projection, the event at fault and the error; /metrics carries the failure gauges; the log
 * says it once (not once per retry) and says once when it recovers. The real app on a real
 * PostgreSQL; the failure is a read model that refuses a valid event (a CHECK constraint the
 * test adds, standing in for a projection bug), and the fix is dropping it.
 */
import { INestApplication } from '@nestjs/common';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ProjectionsService } from '../../projections/projections.service';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/platform/config/config';
import { EVENT_STORE, EventStore } from '../../src/platform/event-store/event-store.port';
import { uuidv7 } from '../../src/platform/events/uuidv7';
import { eventually } from '../support/projection-spec';
import { createEmptyDatabase } from '../support/test-database';

const CPR = '0101901234';
const REFUSED_CVR = '87654321';

/** The value of one sample line of a Prometheus text exposition, or undefined. */
function sample(text: string, name: string, labels: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{${labels}} `));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

interface LogLine {
  level: number;
  msg: string;
  context?: string;
  projection?: string;
  [field: string]: unknown;
}

describe('a failing projection is loud, not silent', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitas-failing-'));
  const logText: string[] = [];
  let app: INestApplication;
  let http: ReturnType<typeof request>;
  const iguId = uuidv7();
  const eventId = uuidv7();
  const streamId = `igu-agreement-${iguId}`;

  const logs = (): LogLine[] => logText.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const iguLines = (level: number) => logs().filter((l) => l.context === 'Projections' && l.projection === 'search_cases' && l.level === level);
  const igu = async () => (await app.get(ProjectionsService).health()).find((p) => p.name === 'search_cases')!;

  beforeAll(async () => {
    // PROJECTION_POLL_MS is the backoff's base; PROJECTION_RETRY_MAX_MS its cap.
    const config = loadConfig({ PROJECTION_POLL_MS: '50', PROJECTION_RETRY_MAX_MS: '200', DATA_DIR: dataDir });
    config.databaseUrl = await createEmptyDatabase('app');
    const sink = new Writable({ write: (chunk, _encoding, done) => (logText.push(String(chunk)), done()) });
    app = await createApp(config, pino({ level: 'info' }, sink));
    await app.init();
    http = request(app.getHttpServer());
    const db = app.get(DataSource);
    await eventually('the search_cases runner has created its table', async () =>
      (await db.query(`SELECT to_regclass('search_cases') IS NOT NULL AS ok`))[0].ok === true, 15_000);
    await db.query(`ALTER TABLE search_cases ADD CONSTRAINT refuses_test_company CHECK (company_cvr <> '${REFUSED_CVR}')`);
  });
  afterAll(async () => {
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('names the projection, the event and the error in /health and /metrics, logs it once, and recovers once the cause is gone', async () => {
    const at = new Date().toISOString();
    await app.get<EventStore>(EVENT_STORE).append(streamId, [{
      id: eventId,
      type: 'IguAgreementDrafted',
      data: {
        iguAgreementId: iguId, jobcentre: '101', company: { cvr: REFUSED_CVR, pNumber: '1000000001' }, citizen: { cpr: CPR },
        createdBy: 'jobcentre', createdAt: at,
      },
      metadata: {
        eventId, correlationId: eventId, causationId: eventId, principal: { role: 'jobcentre', userId: 'caseworker-1', org: '101' },
        occurredAt: at, schemaVersion: 1,
      },
    }], 'no_stream');
    const [{ position }] = await app.get(DataSource).query(`SELECT position::text FROM events WHERE event_id = $1`, [eventId]);

    // Fifteen tries: with a 200 ms cap they take about a second; a tight loop would take far less.
    await eventually('search_cases has failed fifteen times', async () => ((await igu()).failing?.attempts ?? 0) >= 15, 30_000);

    const res = await http.get('/health');
    expect(res.status).toBe(503);
    expect(res.body.status).toBe('down');
    const failing = res.body.projections.find((p: { name: string }) => p.name === 'search_cases');
    expect(failing).toMatchObject({
      name: 'search_cases',
      lastError: expect.stringMatching(/violates check constraint "refuses_test_company"/),
      failing: {
        kind: 'event',
        since: expect.any(String),
        nextRetryAt: expect.any(String),
        event: { position, id: eventId, type: 'IguAgreementDrafted', streamId, revision: 0 },
        error: { code: '23514', constraint: 'refuses_test_company', table: 'search_cases', message: failing.lastError },
      },
    });
    expect(failing.failing.attempts).toBeGreaterThanOrEqual(15);
    expect(Date.parse(failing.failing.nextRetryAt)).toBeLessThanOrEqual(Date.now() + 200); // the configured cap holds
    expect(Date.now() - Date.parse(failing.failing.since)).toBeGreaterThanOrEqual(200); // not a tight loop
    // The other projections are unaffected, and nothing shows the event's data.
    expect(res.body.projections.filter((p: { failing?: unknown }) => p.failing).map((p: { name: string }) => p.name)).toEqual(['search_cases']);
    expect(res.text).not.toContain(CPR);

    const metrics = (await http.get('/metrics').expect(200)).text;
    expect(sample(metrics, 'projection_failing', 'projection="search_cases"')).toBe(1);
    expect(sample(metrics, 'projection_failing', 'projection="transfer_followers"')).toBe(0);
    expect(sample(metrics, 'projection_retry_attempts', 'projection="search_cases"')).toBeGreaterThanOrEqual(15);
    expect(sample(metrics, 'projection_failures_total', 'projection="search_cases"')).toBeGreaterThanOrEqual(15);
    const info = 'projection="search_cases",kind="event",event_type="IguAgreementDrafted",code="23514"';
    expect(sample(metrics, 'projection_failing_event_info', info)).toBe(1);
    expect(metrics).not.toContain(eventId); // event ids are unbounded: never a label
    expect(metrics).not.toContain(CPR);

    // One error line for fifteen failed tries, naming the event and the error, without its data.
    const errors = iguLines(50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      kind: 'event', attempts: 1,
      event: { position, id: eventId, type: 'IguAgreementDrafted', streamId },
      error: { code: '23514', constraint: 'refuses_test_company' },
    });
    expect(logText.join('')).not.toContain(CPR);

    // The fix (here: the read model accepts the row again); the next retry succeeds.
    await app.get(DataSource).query(`ALTER TABLE search_cases DROP CONSTRAINT refuses_test_company`);
    await eventually('/health answers 200 again', async () => (await http.get('/health')).status === 200, 30_000);
    const healthy = (await http.get('/health').expect(200)).body.projections.find((p: { name: string }) => p.name === 'search_cases');
    expect(healthy.failing).toBeUndefined();
    expect(healthy.lastError).toBeUndefined();
    expect(await app.get(DataSource).query(`SELECT status FROM search_cases WHERE case_id = $1`, [iguId])).toEqual([{ status: 'draft' }]);

    const after = (await http.get('/metrics').expect(200)).text;
    expect(sample(after, 'projection_failing', 'projection="search_cases"')).toBe(0);
    expect(sample(after, 'projection_retry_attempts', 'projection="search_cases"')).toBe(0);
    expect(after).not.toContain('projection_failing_event_info{');

    expect(iguLines(50)).toHaveLength(1);
    const recovered = iguLines(30);
    expect(recovered).toHaveLength(1);
    expect(recovered[0]).toMatchObject({ msg: 'projection recovered', was: 'event', by: 'this-runner', event: { id: eventId } });
    expect(recovered[0].attempts).toBeGreaterThanOrEqual(15);
    expect(recovered[0].downMs).toBeGreaterThan(0);
  });
});
