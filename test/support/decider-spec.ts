/**
 * given(events).when(command).then(events) | .thenThrows({ rule, kind }) — the shape of
 * every decider specification (style.md §3).
 */
import { Decider, DomainEvent } from '../../src/platform/events/decider';
import { ProblemError } from '../../src/platform/http/problems';

export function deciderSpec<C, S, E extends DomainEvent>(decider: Decider<C, S, E>) {
  return {
    given(events: E[]) {
      return {
        when(command: C) {
          const run = () => decider.decide(command, events.reduce(decider.evolve, decider.initialState()));
          return {
            then(expected: E[]): E[] {
              const actual = run();
              expect(actual).toEqual(expected);
              return actual;
            },
            thenThrows(expected: { rule: string; kind?: ProblemError['kind']; field?: string }): void {
              let thrown: unknown;
              try {
                run();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeInstanceOf(ProblemError);
              expect(thrown).toMatchObject(expected);
            },
          };
        },
      };
    },
  };
}
