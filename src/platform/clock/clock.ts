/** The clock is a port so tests can pin time; deciders never read it, handlers pass `now` in. */
export interface Clock {
  now(): Date;
}
export const CLOCK = Symbol('CLOCK');
export const systemClock: Clock = { now: () => new Date() };
