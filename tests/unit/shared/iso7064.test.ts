// ISO 7064 MOD 11-2 and MOD 37,36: published examples, error-detection properties measured exhaustively.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  mod11_2CheckCharacter,
  mod11_2IsValid,
  mod37_36CheckCharacter,
  mod37_36IsValid,
} from '../../../shared/iso7064';

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';

const substitutions = (s: string, alphabet: string): string[] =>
  [...s].flatMap((orig, i) =>
    [...alphabet].filter((c) => c !== orig).map((c) => s.slice(0, i) + c + s.slice(i + 1)),
  );

const adjacentTranspositions = (s: string): string[] =>
  [...s.slice(0, -1)].flatMap((a, i) => {
    const b = s.charAt(i + 1);
    return a === b ? [] : [s.slice(0, i) + b + a + s.slice(i + 2)];
  });

describe('ISO 7064 MOD 11-2', () => {
  it('gives the check characters of the examples in ISO 7064 (079 → X, 0794 → 0)', () => {
    expect(mod11_2CheckCharacter('079')).toBe('X');
    expect(mod11_2CheckCharacter('0794')).toBe('0');
    expect(mod11_2IsValid('079X')).toBe(true);
    expect(mod11_2IsValid('07940')).toBe(true);
  });

  it('gives the check characters of the two example numbers printed in GB 11643-1999', () => {
    expect(mod11_2CheckCharacter('11010519491231002')).toBe('X');
    expect(mod11_2CheckCharacter('44052418800101001')).toBe('4');
    expect(mod11_2IsValid('11010519491231002X')).toBe(true);
    expect(mod11_2IsValid('440524188001010014')).toBe(true);
  });

  it('agrees with the weighted-sum form GB 11643 prints (weights 2^(17-i) mod 11)', () => {
    const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const MAP = '10X98765432';
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}$/), (body) => {
        const sum = [...body].reduce((acc, ch, i) => acc + Number(ch) * (W[i] ?? 0), 0);
        expect(mod11_2CheckCharacter(body)).toBe(MAP.charAt(sum % 11));
      }),
    );
  });

  it('answers false, never throws, for input it cannot check', () => {
    expect(mod11_2IsValid('')).toBe(false);
    expect(mod11_2IsValid('X')).toBe(false);
    expect(mod11_2IsValid('07A4')).toBe(false);
    expect(mod11_2IsValid('079x')).toBe(false);
    expect(mod11_2IsValid('0794Y')).toBe(false);
  });

  it('throws on a non-digit in the body, a caller bug', () => {
    expect(() => mod11_2CheckCharacter('07A')).toThrow(RangeError);
    expect(() => mod11_2CheckCharacter('０7')).toThrow(RangeError);
  });

  it('catches every single substitution and every adjacent transposition (exhaustive)', () => {
    for (const valid of ['11010519491231002X', '440524188001010014', '079X', '07940']) {
      for (const wrong of substitutions(valid, DIGITS + 'X')) {
        expect(mod11_2IsValid(wrong), wrong).toBe(false);
      }
      for (const wrong of adjacentTranspositions(valid)) {
        expect(mod11_2IsValid(wrong), wrong).toBe(false);
      }
    }
  });

  it('makes any digit string valid by appending its check character', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,30}$/), (body) => {
        expect(mod11_2IsValid(body + mod11_2CheckCharacter(body))).toBe(true);
      }),
    );
  });
});

describe('ISO 7064 MOD 37,36', () => {
  it('gives the check characters of published examples', () => {
    // A12425GABC1234002M is the GRid (Global Release Identifier) example, whose check character
    // is ISO 7064 MOD 37,36; the other two appear in public MOD 37,36 test suites (xbib).
    expect(mod37_36CheckCharacter('A12425GABC1234002')).toBe('M');
    expect(mod37_36CheckCharacter('B159D8FA01240000')).toBe('K');
    expect(mod37_36CheckCharacter('188166C734200000')).toBe('3');
    for (const s of ['A12425GABC1234002M', 'B159D8FA01240000K', '188166C7342000003']) {
      expect(mod37_36IsValid(s)).toBe(true);
    }
  });

  it('uses all 36 characters as check characters', () => {
    const seen = new Set<string>();
    for (const a of ALNUM) for (const b of ALNUM) seen.add(mod37_36CheckCharacter(a + b));
    expect([...seen].sort().join('')).toBe(ALNUM);
  });

  it('answers false, never throws, for input it cannot check', () => {
    expect(mod37_36IsValid('')).toBe(false);
    expect(mod37_36IsValid('M')).toBe(false);
    expect(mod37_36IsValid('a12425gabc1234002m')).toBe(false);
    expect(mod37_36IsValid('A12425-GABC1234002M')).toBe(false);
  });

  it('throws on a character outside 0-9 A-Z in the body, a caller bug', () => {
    expect(() => mod37_36CheckCharacter('a1')).toThrow(RangeError);
    expect(() => mod37_36CheckCharacter('A-1')).toThrow(RangeError);
  });

  it('makes any string valid by appending its check character', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-Z]{1,40}$/), (body) => {
        expect(mod37_36IsValid(body + mod37_36CheckCharacter(body))).toBe(true);
      }),
    );
  });

  it('catches every single substitution of the published examples (exhaustive)', () => {
    for (const valid of ['A12425GABC1234002M', 'B159D8FA01240000K', '188166C7342000003']) {
      const wrongs = substitutions(valid, ALNUM);
      expect(wrongs).toHaveLength(valid.length * 35);
      for (const wrong of wrongs) expect(mod37_36IsValid(wrong), wrong).toBe(false);
    }
  });

  it('catches any single substitution anywhere (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9A-Z]{1,30}$/),
        fc.nat(),
        fc.integer({ min: 1, max: 35 }),
        (body, at, shift) => {
          const valid = body + mod37_36CheckCharacter(body);
          const i = at % valid.length;
          const c = ALNUM.charAt((ALNUM.indexOf(valid.charAt(i)) + shift) % 36);
          expect(mod37_36IsValid(valid.slice(0, i) + c + valid.slice(i + 1))).toBe(false);
        },
      ),
    );
  });

  it('misses exactly 72 of the 45 360 adjacent transpositions of data characters, all of neighbouring values', () => {
    // Whether swapping a, b is caught depends only on a, b and the running state p (1..36) before
    // them; a one-character prefix f reaches every state, so this enumerates all (p, a, b).
    // It is NOT true that a hybrid system catches every transposition: swaps of two characters
    // whose values differ by 1 (mod 36, so 'Z0' too) slip through in one state out of 36.
    let total = 0;
    const missed: Array<[string, string]> = [];
    for (const f of ALNUM) {
      for (const a of ALNUM) {
        for (const b of ALNUM) {
          if (a === b) continue;
          total++;
          const body = `${f}${a}${b}7Q`;
          const valid = body + mod37_36CheckCharacter(body);
          const swapped = `${f}${b}${a}${valid.slice(3)}`;
          if (mod37_36IsValid(swapped)) missed.push([a, b]);
        }
      }
    }
    expect(total).toBe(36 * 36 * 35);
    expect(missed).toHaveLength(72);
    for (const [a, b] of missed) {
      const d = (ALNUM.indexOf(a) - ALNUM.indexOf(b) + 36) % 36;
      expect(d === 1 || d === 35, `${a}${b}`).toBe(true);
    }
    expect(1 - missed.length / total).toBeGreaterThan(0.998);
  });

  it('misses 2 of the 1 260 swaps of the last data character with the check character', () => {
    let total = 0;
    let missed = 0;
    for (const f of ALNUM) {
      for (const a of ALNUM) {
        const valid = f + a + mod37_36CheckCharacter(f + a);
        const c = valid.charAt(2);
        if (c === a) continue;
        total++;
        if (mod37_36IsValid(f + c + a)) missed++;
      }
    }
    expect(total).toBe(1260);
    expect(missed).toBe(2);
  });
});
