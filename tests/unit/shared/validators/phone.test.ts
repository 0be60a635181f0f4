// Mainland mobile numbers: normalization of what clerks type, every refusal, and the mask.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../../shared/result';
import { maskMobilePhone, validateMobilePhone } from '../../../../shared/validators/phone';

function expectFail(r: Result<unknown>, code: string): string {
  expect(r.ok ? 'ok' : r.error.code).toBe(code);
  if (r.ok) throw new Error('unreachable');
  expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
  return r.error.message;
}

describe('validateMobilePhone', () => {
  it('accepts 11 digits starting 13-19', () => {
    for (const n of [
      '13812345678',
      '14712345678',
      '15012345678',
      '16612345678',
      '17712345678',
      '18612345678',
      '19912345678',
    ]) {
      expect(validateMobilePhone(n)).toEqual({ ok: true, value: n });
    }
  });

  it('normalizes country codes, separators and full-width digits to 11 digits', () => {
    for (const typed of [
      '+86 138 1234 5678',
      '+8613812345678',
      '86-138-1234-5678',
      '8613812345678',
      '0086 138 1234 5678',
      '(+86) 138-1234-5678',
      '138.1234.5678',
      ' 138 1234 5678 ',
      '１３８１２３４５６７８',
      '＋８６ １３８１２３４５６７８',
    ]) {
      expect(validateMobilePhone(typed), typed).toEqual({ ok: true, value: '13812345678' });
    }
  });

  it('PHONE_EMPTY for nothing', () => {
    expectFail(validateMobilePhone(''), 'PHONE_EMPTY');
    expectFail(validateMobilePhone('   '), 'PHONE_EMPTY');
    expectFail(validateMobilePhone('+'), 'PHONE_EMPTY');
    expectFail(validateMobilePhone('--'), 'PHONE_EMPTY');
  });

  it('PHONE_COUNTRY_CODE for a number of another country or region', () => {
    expect(expectFail(validateMobilePhone('+852 9123 4567'), 'PHONE_COUNTRY_CODE')).toContain(
      '+852',
    );
    expectFail(validateMobilePhone('+1 415 555 0100'), 'PHONE_COUNTRY_CODE');
    expectFail(validateMobilePhone('+886 912 345 678'), 'PHONE_COUNTRY_CODE');
  });

  it('PHONE_CHARACTERS for letters or other symbols, naming the character', () => {
    expect(expectFail(validateMobilePhone('138abcd5678'), 'PHONE_CHARACTERS')).toContain('a');
    expectFail(validateMobilePhone('138/1234/5678'), 'PHONE_CHARACTERS');
    expectFail(validateMobilePhone('+abc'), 'PHONE_CHARACTERS');
  });

  it('PHONE_LENGTH for anything but 11 digits, saying how many', () => {
    expect(expectFail(validateMobilePhone('1381234567'), 'PHONE_LENGTH')).toContain('10位');
    expect(expectFail(validateMobilePhone('138123456789'), 'PHONE_LENGTH')).toContain('12位');
    // 86 + 10 digits is not stripped: it is 12 digits of something else.
    expectFail(validateMobilePhone('861381234567'), 'PHONE_LENGTH');
    expectFail(validateMobilePhone('+86 138 1234 567'), 'PHONE_LENGTH');
  });

  it('PHONE_PREFIX for 11 digits not starting with 1 (a landline with its area code)', () => {
    expect(expectFail(validateMobilePhone('010-1234-5678'), 'PHONE_PREFIX')).toContain('座机');
    expectFail(validateMobilePhone('02212345678'), 'PHONE_PREFIX');
  });

  it('PHONE_SECOND_DIGIT for 10x, 11x and 12x', () => {
    for (const n of ['10012345678', '11012345678', '12345678901']) {
      expect(expectFail(validateMobilePhone(n), 'PHONE_SECOND_DIGIT'), n).toContain('第2位');
    }
  });

  it('accepts exactly the numbers 1[3-9] + 9 digits, however they are spaced (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{11}$/),
        fc.constantFrom('', '+86', '86', '0086'),
        fc.constantFrom(' ', '-', ''),
        (n, cc, sep) => {
          const typed = `${cc}${sep}${n.slice(0, 3)}${sep}${n.slice(3, 7)}${sep}${n.slice(7)}`;
          const r = validateMobilePhone(typed);
          expect(r.ok).toBe(/^1[3-9]/.test(n));
          if (r.ok) expect(r.value).toBe(n);
        },
      ),
    );
  });
});

describe('maskMobilePhone', () => {
  it('shows the first 3 and last 4 digits', () => {
    expect(maskMobilePhone('13812345678')).toBe('138****5678');
    expect(maskMobilePhone('+86 138-1234-5678')).toBe('138****5678');
  });

  it('never shows an invalid number whole', () => {
    expect(maskMobilePhone('010-12345678')).toBe('********5678');
    expect(maskMobilePhone('1234')).toBe('****');
    expect(maskMobilePhone('')).toBe('');
  });
});
