import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';
import { CLOCK, Clock } from '../clock/clock';
import { WrongExpectedRevisionError } from '../event-store/event-store.errors';
import { EVENT_STORE, EventStore, ExpectedRevision, NewEvent } from '../event-store/event-store.port';
import { Decider, DomainEvent } from '../events/decider';
import { EventRegistry } from '../events/event-registry';
import { uuidv7 } from '../events/uuidv7';
import { ProblemError } from '../http/problems';
import { Metrics } from '../metrics/metrics';
import { CommandContext } from './command-context';

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
      const current = recorded.length - 1;
      if (context.expectedRevision !== undefined && context.expectedRevision !== current) throw staleRevision(streamId, current);
      let state = decider.initialState();
      for (const e of recorded) state = decider.evolve(state, e as unknown as E);
      const events = decide(state);
      if (events.length === 0) return { streamId, revision: current, state, events };
      const expected: ExpectedRevision = current < 0 ? 'no_stream' : current;
      try {
        const result = await this.store.append(streamId, this.toNewEvents(events, context), expected);
        events.forEach((e) => this.metrics.eventsAppended.inc({ type: e.type }));
        return { streamId, revision: result.nextExpectedRevision, state: events.reduce(decider.evolve, state), events };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        this.metrics.appendConflicts.inc();
        if (context.expectedRevision !== undefined || attempt >= this.config.commandRetries) throw staleRevision(streamId, error.actual);
      }
    }
  }

  private toNewEvents(events: DomainEvent[], context: CommandContext): NewEvent[] {
    const occurredAt = this.clock.now().toISOString();
    const { userId, role, org, name } = context.principal;
    return events.map((e) => {
      const eventId = uuidv7();
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

function staleRevision(streamId: string, currentRevision: number): ProblemError {
  return new ProblemError('conflict', `The case changed meanwhile: its current revision is ${currentRevision}`, 'expected-revision', 'If-Match', {
    streamId,
    currentRevision,
  });
}
