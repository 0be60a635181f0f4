// GB 11643 resident numbers: the standard's own examples, every rule and refusal, and the masks.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mod11_2CheckCharacter } from '../../../../shared/iso7064';
import type { Result } from '../../../../shared/result';
import {
  MAINLAND_PROVINCES,
  maskIdNumber,
  maskResidentId,
  validateResidentId,
} from '../../../../shared/validators/resident-id';

/** A fixed "today" so that birth-date tests do not move with the clock: 2026-11-25, Beijing. */
const TODAY = new Date('2026-11-25T04:00:00Z');

function expectFail(r: Result<unknown>, code: string): string {
  expect(r.ok ? 'ok' : r.error.code).toBe(code);
  if (r.ok) throw new Error('unreachable');
  expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
  return r.error.message;
}

/** A 17-digit body plus its check character; the MOD 11-2 function is tested on published examples. */
const withCheck = (body17: string) => body17 + mod11_2CheckCharacter(body17);

const v = (id: string) => validateResidentId(id, { today: TODAY });

describe('validateResidentId: valid numbers', () => {
  it('accepts the example printed in GB 11643-1999 and reads it', () => {
    expect(v('11010519491231002X')).toEqual({
      ok: true,
      value: {
        idNumber: '11010519491231002X',
        regionCode: '110105',
        provinceCode: '11',
        provinceName: '北京市',
        birthDate: '1949-12-31',
        sex: 'female',
        sequence: '002',
        checkCharacter: 'X',
        residencePermit: false,
      },
    });
  });

  it('reads a lower-case x as X, and accepts spaces and full-width digits', () => {
    for (const typed of [
      '11010519491231002x',
      ' 110105 19491231 002X ',
      '１１０１０５１９４９１２３１００２ｘ',
    ]) {
      const r = v(typed);
      expect(r.ok && r.value.idNumber, typed).toBe('11010519491231002X');
    }
  });

  it('reads sex from the parity of the 17th digit', () => {
    const male = v(withCheck('12010119900101001'));
    expect(male.ok && male.value.sex).toBe('male');
    const female = v(withCheck('12010119900101008'));
    expect(female.ok && female.value.sex).toBe('female');
  });

  it('accepts every mainland province code and names it', () => {
    for (const [code, name] of Object.entries(MAINLAND_PROVINCES)) {
      const r = v(withCheck(`${code}010219800101123`));
      expect(r.ok && r.value.provinceName, code).toBe(name);
    }
    expect(Object.keys(MAINLAND_PROVINCES)).toHaveLength(31);
  });

  it('accepts 港澳台居民居住证 numbers (810000 / 820000 / 830000) and flags them', () => {
    for (const [prefix, name] of [
      ['81', '香港特别行政区'],
      ['82', '澳门特别行政区'],
      ['83', '台湾地区'],
    ] as const) {
      const r = v(withCheck(`${prefix}000019850615002`));
      expect(r.ok && r.value, prefix).toMatchObject({ provinceName: name, residencePermit: true });
    }
  });

  it('accepts leap days, 1900-01-01, and someone born today (Beijing date)', () => {
    expect(v(withCheck('13010220000229003')).ok).toBe(true);
    expect(v(withCheck('13010219000101003')).ok).toBe(true);
    expect(v(withCheck('13010220261125003')).ok).toBe(true);
    // 2026-11-25T20:00Z is already the 26th in Beijing.
    const late = validateResidentId(withCheck('13010220261126003'), {
      today: new Date('2026-11-25T20:00:00Z'),
    });
    expect(late.ok).toBe(true);
  });

  it('accepts any well-formed number built from its parts, and reads them back (property)', () => {
    const provinces = Object.keys(MAINLAND_PROVINCES);
    fc.assert(
      fc.property(
        fc.constantFrom(...provinces),
        fc.stringMatching(/^\d{4}$/),
        fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2026-11-24T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.stringMatching(/^\d{3}$/),
        (province, county, birth, seq) => {
          const ymd = birth.toISOString().slice(0, 10);
          const id = withCheck(`${province}${county}${ymd.replaceAll('-', '')}${seq}`);
          const r = v(id.toLowerCase());
          expect(r.ok).toBe(true);
          if (r.ok) {
            expect(r.value.idNumber).toBe(id);
            expect(r.value.birthDate).toBe(ymd);
            expect(r.value.sex).toBe(Number(seq.charAt(2)) % 2 ? 'male' : 'female');
          }
        },
      ),
    );
  });
});

describe('validateResidentId: refusals', () => {
  it('ID_EMPTY for nothing', () => {
    expectFail(v(''), 'ID_EMPTY');
    expectFail(v('   '), 'ID_EMPTY');
  });

  it('ID_OLD_15_DIGIT for a retired 15-digit number', () => {
    expect(expectFail(v('110105491231002'), 'ID_OLD_15_DIGIT')).toContain('18位');
  });

  it('ID_LENGTH for any other length, saying how many digits were typed', () => {
    expect(expectFail(v('11010519491231002'), 'ID_LENGTH')).toContain('17位');
    expect(expectFail(v('11010519491231002X1'), 'ID_LENGTH')).toContain('19位');
    expectFail(v('1101'), 'ID_LENGTH');
  });

  it('ID_CHARACTERS for a non-digit, naming its position', () => {
    expect(expectFail(v('1101A519491231002X'), 'ID_CHARACTERS')).toContain('第5位');
    expect(expectFail(v('110105194912310X2X'), 'ID_CHARACTERS')).toContain('第16位');
    expect(expectFail(v('11010519491231002Y'), 'ID_CHARACTERS')).toContain('最后一位');
    expectFail(v('11010519491231-02X'), 'ID_CHARACTERS');
  });

  it('ID_REGION for a province code that does not exist, or 71 under which none was issued', () => {
    for (const prefix of [
      '00',
      '10',
      '16',
      '20',
      '30',
      '38',
      '47',
      '55',
      '60',
      '66',
      '70',
      '71',
      '80',
      '84',
      '99',
    ]) {
      expect(expectFail(v(withCheck(`${prefix}010219800101123`)), 'ID_REGION'), prefix).toContain(
        prefix,
      );
    }
  });

  it('ID_REGION for a residence-permit prefix whose address code is not exactly N0000', () => {
    expect(expectFail(v(withCheck('81010119850615002')), 'ID_REGION')).toContain('810000');
  });

  it('ID_BIRTH_DATE for a day that does not exist', () => {
    for (const date of [
      '19490230',
      '19491301',
      '19490001',
      '19490100',
      '19490229',
      '19000229',
      '19490431',
    ]) {
      expect(expectFail(v(withCheck(`110105${date}002`)), 'ID_BIRTH_DATE'), date).toContain(
        '第7至14位',
      );
    }
  });

  it('ID_BIRTH_DATE_TOO_EARLY before 1900, e.g. the second example of GB 11643 (born 1880)', () => {
    // 440524188001010014 is printed in GB 11643-1999 and its check digit is right; a person born
    // in 1880 cannot apply today, so the rule set here refuses it.
    expect(mod11_2CheckCharacter('44052418800101001')).toBe('4');
    expect(expectFail(v('440524188001010014'), 'ID_BIRTH_DATE_TOO_EARLY')).toContain('1880-01-01');
    expectFail(v(withCheck('11010518991231002')), 'ID_BIRTH_DATE_TOO_EARLY');
  });

  it('ID_BIRTH_DATE_FUTURE after today in Beijing', () => {
    expect(expectFail(v(withCheck('11010520261126002')), 'ID_BIRTH_DATE_FUTURE')).toContain(
      '2026-11-26',
    );
    expectFail(v(withCheck('11010520990101002')), 'ID_BIRTH_DATE_FUTURE');
    // 2026-11-25T15:00Z is still the 25th in Beijing.
    const early = validateResidentId(withCheck('13010220261126003'), {
      today: new Date('2026-11-25T15:00:00Z'),
    });
    expectFail(early, 'ID_BIRTH_DATE_FUTURE');
  });

  it('uses the current date when no today is given', () => {
    expect(validateResidentId('11010519491231002X').ok).toBe(true);
    expectFail(validateResidentId(withCheck('11010530000101002')), 'ID_BIRTH_DATE_FUTURE');
  });

  it('ID_CHECK_DIGIT for a wrong last character, and says to check the last one first', () => {
    const message = expectFail(v('110105194912310021'), 'ID_CHECK_DIGIT');
    expect(message).toContain('最后一位');
    expectFail(v('11010519491231002 0'), 'ID_CHECK_DIGIT');
  });

  it('catches every single substitution and adjacent transposition of the GB 11643 example', () => {
    const valid = '11010519491231002X';
    for (let i = 0; i < 18; i++) {
      for (const c of '0123456789X') {
        if (c === valid.charAt(i)) continue;
        const wrong = valid.slice(0, i) + c + valid.slice(i + 1);
        expect(v(wrong).ok, wrong).toBe(false);
      }
    }
    for (let i = 0; i < 17; i++) {
      if (valid.charAt(i) === valid.charAt(i + 1)) continue;
      const wrong = valid.slice(0, i) + valid.charAt(i + 1) + valid.charAt(i) + valid.slice(i + 2);
      expect(v(wrong).ok, wrong).toBe(false);
    }
  });
});

describe('masks', () => {
  it('maskResidentId keeps the address code and the last 4, starring the birth date', () => {
    expect(maskResidentId('11010519491231002X')).toBe('110105********002X');
    expect(maskResidentId('11010519491231002x')).toBe('110105********002X');
    expect(maskResidentId(' 440524 18800101 0014 ')).toBe('440524********0014');
  });

  it('maskResidentId falls back to the generic mask for anything not 18 characters', () => {
    expect(maskResidentId('110105491231002')).toBe(maskIdNumber('110105491231002'));
    expect(maskResidentId('')).toBe('');
  });

  it('maskIdNumber keeps a quarter at each end and never shows a short number whole', () => {
    expect(maskIdNumber('E12345678')).toBe('E1*****78');
    expect(maskIdNumber('12345678')).toBe('12****78');
    expect(maskIdNumber('H1234567801')).toBe('H1*******01');
    expect(maskIdNumber('KAZ110090123105')).toBe('KAZ*********105');
    expect(maskIdNumber('ABCDE')).toBe('A***E');
    expect(maskIdNumber('ABCD')).toBe('****');
    expect(maskIdNumber('A')).toBe('*');
    expect(maskIdNumber('')).toBe('');
  });

  it('maskIdNumber hides at least half of any number longer than 4 (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-Z]{5,30}$/), (s) => {
        const masked = maskIdNumber(s);
        expect(masked).toHaveLength(s.length);
        expect(masked.split('*').length - 1).toBeGreaterThanOrEqual(s.length / 2);
      }),
    );
  });
});
