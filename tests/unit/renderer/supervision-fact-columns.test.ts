// The dashboard's saved facts: every fact comes back from its columns exactly as it went in.
import { describe, expect, it } from 'vitest';
import { decodeFacts, encodeFacts } from '../../../renderer/features/supervision/fact-columns';
import { facts } from '../shared/supervision/supervision-fixture';

describe('fact columns', () => {
  it('round-trip the fixture’s facts: pauses, ratings, rectifications, flags and missing values', () => {
    const all = facts();
    expect(all.some((f) => f.pauses && f.ratings && f.rectifications)).toBe(true);
    expect(all.filter((f) => f.pauses).length).toBeGreaterThan(0);
    expect(all.filter((f) => f.promisedDays === null).length).toBeGreaterThan(0);
    const back = decodeFacts(structuredClone(encodeFacts(all)));
    expect(back).toEqual(all);
  });

  it('keep an open pause open and an empty list empty', () => {
    const one = { ...facts()[7]!, pauses: [[20_400, null] as const, [20_390, 20_392] as const] };
    expect(decodeFacts(encodeFacts([one]))).toEqual([one]);
    expect(decodeFacts(encodeFacts([]))).toEqual([]);
  });
});
