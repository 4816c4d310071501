import { EventStore, RecordedEvent } from '../../platform/event-store/event-store.port';
import { DomainEvent } from '../../platform/events/decider';
import { EventRegistry } from '../../platform/events/event-registry';
import { NotFoundError } from '../../platform/http/problems';
import { CaseType } from './case-type';

/** A stream's events in revision order, each brought to its current schema by the registry. */
export async function readUpcastStream(store: EventStore, registry: EventRegistry, streamId: string): Promise<RecordedEvent[]> {
  return (await store.readStream(streamId)).map((e) => registry.upcast(e));
}

/** One case folded from its own stream (always current, never behind a projection), or a 404. */
export async function loadCase<C, S, E extends DomainEvent>(
  store: EventStore,
  registry: EventRegistry,
  caseType: CaseType<C, S, E>,
  caseId: string,
): Promise<{ state: S; revision: number }> {
  const events = await readUpcastStream(store, registry, caseType.streamId(caseId));
  if (events.length === 0) throw new NotFoundError(caseType.name, caseId);
  const { decider } = caseType;
  const state = events.reduce((s, e) => decider.evolve(s, e as unknown as E), decider.initialState());
  return { state, revision: events[events.length - 1].revision };
}
