// The hub's clock, in one place so tests can move it.
export interface Clock {
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };
export const isoNow = (clock: Clock = systemClock): string => new Date(clock.now()).toISOString();
