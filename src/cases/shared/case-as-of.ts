/**
 * The case as of a moment (issue 12, item 2): `GET /api/{type}/{id}?asOf=<instant>` or
 * `?revision=N` folds the case's stream up to that point. The caller's access is decided on the
 * case as it is now (the same rule as without the parameters); the answer names the revision it
 * shows in `X-Case-Revision` and `ETag`, and offers no acts (`allowedActions: []`: acting happens
 * on the present).
 */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min, ValidateBy } from 'class-validator';
import type { Response } from 'express';
import { etagOf } from '../../platform/commands/request-command-context';
import { EventStore, RecordedEvent } from '../../platform/event-store/event-store.port';
import { DomainEvent } from '../../platform/events/decider';
import { EventRegistry } from '../../platform/events/event-registry';
import { NotFoundError, ProblemError } from '../../platform/http/problems';
import { IsInstant } from '../../platform/validation/instant';
import { CaseType } from './case-type';
import { readUpcastStream } from './load-case';

/** No case has a million events; a larger revision is refused before the stream is read. */
export const MAX_REVISION = 1_000_000;

/** A query integer stays a string unless it is all digits (with a sign), so `?revision=` or `?revision=1e3` is refused, not read as 0 or 1000. */
const toInteger = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d{1,16}$/.test(value) ? Number(value) : value);

export class CaseAsOfQueryDto {
  @ApiPropertyOptional({ example: '2026-03-01T09:00:00+01:00', description: 'Show the case as the event store had recorded it at this instant (ISO 8601 with an offset); not with `revision`' })
  @IsOptional()
  @IsInstant()
  asOf?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_REVISION, example: 0, description: 'Show the case right after the event with this revision (0: as created); not with `asOf`' })
  @IsOptional()
  @Transform(toInteger)
  @ValidateBy({
    name: 'as-of-or-revision',
    validator: {
      validate: (_value: unknown, args) => (args?.object as CaseAsOfQueryDto | undefined)?.asOf === undefined,
      defaultMessage: () => 'give either asOf or revision, not both',
    },
  })
  @Max(MAX_REVISION)
  @Min(0)
  @IsInt()
  revision?: number;
}

/** What the stream of a case holds now: its upcast events and the case folded from all of them. */
export interface LoadedCase<S> {
  events: RecordedEvent[];
  state: S;
  revision: number;
}

export async function loadCaseEvents<C, S, E extends DomainEvent>(
  store: EventStore,
  registry: EventRegistry,
  caseType: CaseType<C, S, E>,
  caseId: string,
): Promise<LoadedCase<S>> {
  const events = await readUpcastStream(store, registry, caseType.streamId(caseId));
  if (events.length === 0) throw new NotFoundError(caseType.name, caseId);
  return { events, state: fold(caseType, events), revision: events[events.length - 1].revision };
}

function fold<C, S, E extends DomainEvent>(caseType: CaseType<C, S, E>, events: RecordedEvent[]): S {
  const { decider } = caseType;
  return events.reduce((s, e) => decider.evolve(s, e as unknown as E), decider.initialState());
}

export interface CaseAt<S> {
  state: S;
  revision: number;
  /** Asked for a past point (`asOf` or `revision` given): the answer offers no acts. */
  historical: boolean;
}

/**
 * The case at the point the query names, or as it is now. `asOf` takes the events the store had
 * recorded at that instant (their `recordedAt`, as the port's `upTo`); before the first one: a 404
 * with rule `as-of-before-creation`. A revision past the case's last is a 400 naming `revision`.
 */
export function caseAt<C, S, E extends DomainEvent>(
  caseType: CaseType<C, S, E>,
  caseId: string,
  loaded: LoadedCase<S>,
  query: CaseAsOfQueryDto,
): CaseAt<S> {
  if (query.revision !== undefined) {
    if (query.revision > loaded.revision) {
      throw new ProblemError('validation', `revision must be at most ${loaded.revision}, the case's latest revision`, 'revision-beyond-case', 'revision');
    }
    return { state: fold(caseType, loaded.events.slice(0, query.revision + 1)), revision: query.revision, historical: true };
  }
  if (query.asOf !== undefined) {
    const upTo = new Date(query.asOf);
    // The port's `readStream(…, { upTo })` rule on the stream already read, at the millisecond
    // precision the history shows `recordedAt` in: an entry's `recordedAt` as `asOf` includes it.
    const events = loaded.events.filter((e) => e.recordedAt.getTime() <= upTo.getTime());
    if (events.length === 0) {
      throw new ProblemError('not-found', `${caseType.name} ${caseId} did not exist yet at ${upTo.toISOString()}`, 'as-of-before-creation', 'asOf', { id: caseId });
    }
    return { state: fold(caseType, events), revision: events[events.length - 1].revision, historical: true };
  }
  return { state: loaded.state, revision: loaded.revision, historical: false };
}

/** Says which revision the answer shows: `X-Case-Revision: N` and `ETag: "N"`. */
export function setCaseRevision(res: Response, revision: number): void {
  res.setHeader('X-Case-Revision', String(revision));
  res.setHeader('ETag', etagOf(revision));
}

/** A past state's view offers no acts. */
export function viewAt<V extends { allowedActions: string[] }>(view: V, at: { historical: boolean }): V {
  return at.historical ? { ...view, allowedActions: [] } : view;
}
