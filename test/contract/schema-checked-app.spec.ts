/**
 * Issue 10 through the real app (no mocks): the EVENT_STORE every slice appends to is the
 * schema-checked one, and a command whose decider emits a malformed event answers a 500
 * problem (rule 'event-schema', the specifics only in the log) with nothing appended.
 */
import { DataSource } from 'typeorm';
import { EventSchemaViolation } from '../../src/platform/event-store/event-store.errors';
import { EVENT_STORE, EventStore } from '../../src/platform/event-store/event-store.port';
import { uuidv7 } from '../../src/platform/events/uuidv7';
import { CVR, P_NUMBER } from '../support/fixtures';
import { CommandContext } from '../../src/platform/commands/command-context';
import { CommandPipeline } from '../../src/platform/commands/command-pipeline';
import { toProblem } from '../../src/platform/http/problem-details.filter';
import { iguAgreementDecider } from '../../src/cases/igu-agreements/igu-agreement.decider';
import { IguAgreementEvent } from '../../src/cases/igu-agreements/igu-agreement.events';
import { createTestApp, TestApp } from '../support/test-app';

describe('the app stores only events that keep their schema (issue 10)', () => {
  let t: TestApp;
  const storedEvents = async (): Promise<number> => (await t.app.get(DataSource).query('SELECT count(*)::int AS n FROM events'))[0].n;

  beforeAll(async () => void (t = await createTestApp()));
  afterAll(() => t?.close());

  it('the app’s EVENT_STORE refuses a malformed event from any caller, not only the command pipeline', async () => {
    const before = await storedEvents();
    const iguAgreementId = uuidv7();
    const at = new Date().toISOString();
    const error = await t.app
      .get<EventStore>(EVENT_STORE)
      .append(`igu-agreement-${iguAgreementId}`, [{
        id: iguAgreementId, type: 'IguAgreementDrafted',
        data: { iguAgreementId, jobcentre: '101', company: { cvr: CVR, pNumber: P_NUMBER }, citizen: {}, createdBy: 'jobcentre', createdAt: at },
        metadata: { eventId: iguAgreementId, correlationId: iguAgreementId, causationId: iguAgreementId, principal: { role: 'jobcentre', userId: 'cw-1', org: '101' }, occurredAt: at, schemaVersion: 1 },
      }], 'no_stream')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventSchemaViolation);
    expect(await storedEvents()).toBe(before);
  });

  it('a command whose decider emits a malformed event is refused with nothing appended, and answers 500 problem+json, rule event-schema', async () => {
    // Every HTTP path is guarded before a decider runs (tokens, DTOs, deciders), so the bug is
    // simulated where it would live: a decide function that forgets the citizen's CPR.
    const before = await storedEvents();
    const iguAgreementId = uuidv7();
    const context: CommandContext = { principal: { role: 'jobcentre', userId: 'cw-1', org: '101' }, correlationId: iguAgreementId, causationId: iguAgreementId };
    const malformed = { type: 'IguAgreementDrafted', data: { iguAgreementId, jobcentre: '101', company: { cvr: CVR, pNumber: P_NUMBER }, citizen: {}, createdBy: 'jobcentre', createdAt: new Date().toISOString() } };
    const error = await t.app.get(CommandPipeline).handle(iguAgreementDecider, `igu-agreement-${iguAgreementId}`, () => [malformed as unknown as IguAgreementEvent], context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventSchemaViolation);
    expect((error as EventSchemaViolation).problems).toEqual(expect.arrayContaining([expect.objectContaining({ instancePath: '/data/citizen' })]));
    expect(await storedEvents()).toBe(before);

    const problem = toProblem(error, '/api/igu-agreements');
    expect(problem).toEqual({
      type: 'urn:vitas:problem:internal', title: 'Internal Server Error', status: 500,
      detail: 'The request produced an event that breaks its schema; nothing was recorded. It has been logged', instance: '/api/igu-agreements', rule: 'event-schema',
    });
    expect(JSON.stringify(problem)).not.toContain('citizen');
  });
});
