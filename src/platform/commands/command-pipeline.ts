import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';
import { CLOCK, Clock } from '../clock/clock';
import { WrongExpectedRevisionError } from '../event-store/event-store.errors';
import { EVENT_STORE, EventStore, ExpectedRevision, NewEvent, RecordedEvent } from '../event-store/event-store.port';
import { Decider, DomainEvent } from '../events/decider';
import { EventRegistry } from '../events/event-registry';
import { uuidv7 } from '../events/uuidv7';
import { ProblemError } from '../http/problems';
import { Metrics } from '../metrics/metrics';
import { CommandContext } from './command-context';
import { derivedEventId } from './idempotent-ids';

export interface CommandResult<State> {
  streamId: string;
  /** The stream's last revision after the command (send it back as If-Match). */
  revision: number;
  state: State;
  events: DomainEvent[];
}

export interface HandleOptions {
  /** Thrown when the stream has no events yet: 404 for commands on an existing case. */
  notFound?: () => Error;
}

/**
 * The shared write path: load the stream, fold it, decide, append with the expected
 * revision. On a revision conflict the whole cycle is retried a bounded number of times
 * with fresh state, unless the caller pinned a revision with If-Match.
 *
 * Exactly once (issue 11): with an idempotency seed in the context, each new event's id is
 * derived from the seed, the stream and the event's index, and before deciding the pipeline
 * looks for those ids in the stream it read. Found, the command already happened (a retry after
 * a crash that lost its stored answer): nothing is decided or appended, and the result is the
 * state folded up to and including those events, with those events and that revision, so the
 * handler builds the very same answer. Two runs racing to append the same ids store them once
 * (the port's idempotent append); the loser is answered from the stream too.
 */
@Injectable()
export class CommandPipeline {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly registry: EventRegistry,
    private readonly metrics: Metrics,
  ) {}

  async handle<S, E extends DomainEvent>(
    decider: Pick<Decider<unknown, S, E>, 'initialState' | 'evolve'>,
    streamId: string,
    decide: (state: S) => E[],
    context: CommandContext,
    options: HandleOptions = {},
  ): Promise<CommandResult<S>> {
    for (let attempt = 0; ; attempt++) {
      const recorded = (await this.store.readStream(streamId)).map((e) => this.registry.upcast(e));
      if (recorded.length === 0 && options.notFound) throw options.notFound();
      const seed = context.idempotencySeed;
      const happened = seed ? alreadyHappened(decider, streamId, recorded, seed) : null;
      if (happened) return happened;
      const current = recorded.length - 1;
      if (context.expectedRevision !== undefined && context.expectedRevision !== current) throw staleRevision(streamId, current);
      let state = decider.initialState();
      for (const e of recorded) state = decider.evolve(state, e as unknown as E);
      const events = decide(state);
      if (events.length === 0) return { streamId, revision: current, state, events };
      const expected: ExpectedRevision = current < 0 ? 'no_stream' : current;
      try {
        const result = await this.store.append(streamId, this.toNewEvents(streamId, events, context), expected);
        if (seed && result.nextExpectedRevision !== current + events.length) {
          // Not where this append would have put them: another run of this very request stored
          // them first (the store kept them once), and maybe others wrote after. Answer as it did.
          const stored = await this.happenedMeanwhile(decider, streamId, seed);
          if (stored) return stored;
        }
        events.forEach((e) => this.metrics.eventsAppended.inc({ type: e.type }));
        return { streamId, revision: result.nextExpectedRevision, state: events.reduce(decider.evolve, state), events };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        // The conflict may be this very request's twin having appended these events (a store that
        // refuses rather than ignores the repeat): then the command happened, even under If-Match.
        const stored = seed ? await this.happenedMeanwhile(decider, streamId, seed) : null;
        if (stored) return stored;
        this.metrics.appendConflicts.inc();
        if (context.expectedRevision !== undefined || attempt >= this.config.commandRetries) throw staleRevision(streamId, error.actual);
      }
    }
  }

  private async happenedMeanwhile<S, E extends DomainEvent>(
    decider: Pick<Decider<unknown, S, E>, 'initialState' | 'evolve'>,
    streamId: string,
    seed: string,
  ): Promise<CommandResult<S> | null> {
    return alreadyHappened(decider, streamId, (await this.store.readStream(streamId)).map((e) => this.registry.upcast(e)), seed);
  }

  private toNewEvents(streamId: string, events: DomainEvent[], context: CommandContext): NewEvent[] {
    const occurredAt = this.clock.now().toISOString();
    const { userId, role, org, name } = context.principal;
    const seed = context.idempotencySeed;
    return events.map((e, index) => {
      const eventId = seed ? derivedEventId(seed, streamId, index) : uuidv7();
      return {
        id: eventId,
        type: e.type,
        data: e.data as Record<string, unknown>,
        metadata: {
          eventId,
          correlationId: context.correlationId,
          causationId: context.causationId,
          principal: { userId, role, org, ...(name ? { name } : {}) },
          occurredAt,
          schemaVersion: this.registry.schemaVersion(e.type),
        },
      };
    });
  }
}

/**
 * The result of a command with this seed that already happened on this stream, or null: its
 * events are the run of events whose ids are derived from the seed for indexes 0, 1, … (the
 * first one marks it), and the state is folded up to and including the last of them. Whatever
 * was appended after them is not part of that command's answer.
 */
function alreadyHappened<S, E extends DomainEvent>(
  decider: Pick<Decider<unknown, S, E>, 'initialState' | 'evolve'>,
  streamId: string,
  recorded: RecordedEvent[],
  seed: string,
): CommandResult<S> | null {
  const isOwn = (e: RecordedEvent, index: number) => e.id.toLowerCase() === derivedEventId(seed, streamId, index);
  const first = recorded.findIndex((e) => isOwn(e, 0));
  if (first < 0) return null;
  let end = first + 1;
  while (end < recorded.length && isOwn(recorded[end], end - first)) end++;
  let state = decider.initialState();
  for (const e of recorded.slice(0, end)) state = decider.evolve(state, e as unknown as E);
  const events = recorded.slice(first, end).map(({ type, data }) => ({ type, data }));
  return { streamId, revision: recorded[end - 1].revision, state, events };
}

function staleRevision(streamId: string, currentRevision: number): ProblemError {
  return new ProblemError('conflict', `The case changed meanwhile: its current revision is ${currentRevision}`, 'expected-revision', 'If-Match', {
    streamId,
    currentRevision,
  });
}
