import { DomainError } from '../../platform/http/problems';

/** A 409 naming the rule when a case is not in one of the statuses an act needs. */
export function requireStatus<S extends string>(what: string, current: S | null, allowed: readonly S[], rule: string): void {
  if (current === null || !allowed.includes(current)) {
    throw new DomainError(`The ${what} is '${current}'; this act needs ${allowed.map((s) => `'${s}'`).join(' or ')}`, rule, { kind: 'conflict', field: 'status' });
  }
}
