// validateIdNumber: dispatch on applicant.idType, and the passport, permit and foreign-resident formats.

import { describe, expect, it } from 'vitest';
import { mod11_2CheckCharacter } from '../../../../shared/iso7064';
import type { Result } from '../../../../shared/result';
import {
  maskIdNumberByType,
  validateForeignPermanentId,
  validateHkMacaoPermit,
  validateIdNumber,
  validatePassport,
  validateTaiwanPermit,
} from '../../../../shared/validators';

const TODAY = new Date('2026-11-25T04:00:00Z');

function expectFail(r: Result<unknown>, code: string): string {
  expect(r.ok ? 'ok' : r.error.code).toBe(code);
  if (r.ok) throw new Error('unreachable');
  expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
  return r.error.message;
}

const withCheck = (body17: string) => body17 + mod11_2CheckCharacter(body17);

describe('validateIdNumber: dispatch', () => {
  it('resident → GB 11643, with the parsed number', () => {
    const r = validateIdNumber('resident', '11010519491231002x', { today: TODAY });
    expect(r.ok && r.value).toMatchObject({
      idType: 'resident',
      idNumber: '11010519491231002X',
      resident: { sex: 'female' },
    });
    expectFail(validateIdNumber('resident', '110105194912310021'), 'ID_CHECK_DIGIT');
  });

  it('uscc → GB 32100', () => {
    const r = validateIdNumber('uscc', '91350100m000100y43');
    expect(r.ok && r.value).toMatchObject({
      idType: 'uscc',
      idNumber: '91350100M000100Y43',
      uscc: { categoryName: '企业' },
    });
    expectFail(validateIdNumber('uscc', '91350100M000100Y44'), 'USCC_CHECK_CHAR');
  });

  it('passport, hk_macao_permit, taiwan_permit, foreign_permanent → their formats', () => {
    expect(validateIdNumber('passport', 'e12345678')).toEqual({
      ok: true,
      value: { idType: 'passport', idNumber: 'E12345678', chineseOrdinary: true },
    });
    expect(validateIdNumber('hk_macao_permit', 'H12345678')).toEqual({
      ok: true,
      value: {
        idType: 'hk_macao_permit',
        idNumber: 'H12345678',
        region: 'HK',
        renewals: undefined,
      },
    });
    expect(validateIdNumber('taiwan_permit', '12345678')).toEqual({
      ok: true,
      value: { idType: 'taiwan_permit', idNumber: '12345678', renewals: undefined },
    });
    expect(validateIdNumber('foreign_permanent', '911398199012310021', { today: TODAY })).toEqual({
      ok: true,
      value: {
        idType: 'foreign_permanent',
        idNumber: '911398199012310021',
        version: '2023',
        birthDate: '1990-12-31',
      },
    });
  });

  it('passes the chinesePassport option through', () => {
    expectFail(
      validateIdNumber('passport', 'C01X00T47', { chinesePassport: true }),
      'PASSPORT_FORMAT',
    );
    expect(validateIdNumber('passport', 'C01X00T47').ok).toBe(true);
  });

  it('ID_TYPE_UNKNOWN for an idType the protocol does not name', () => {
    for (const t of ['', 'Resident', 'id_card', 'driver_licence']) {
      expectFail(validateIdNumber(t, '11010519491231002X'), 'ID_TYPE_UNKNOWN');
    }
  });

  it('ID_EMPTY for an empty number of any personal document, USCC_EMPTY for an enterprise', () => {
    for (const t of [
      'resident',
      'passport',
      'hk_macao_permit',
      'taiwan_permit',
      'foreign_permanent',
    ]) {
      expectFail(validateIdNumber(t, '  '), 'ID_EMPTY');
    }
    expectFail(validateIdNumber('uscc', ''), 'USCC_EMPTY');
  });
});

describe('validatePassport', () => {
  it('accepts PRC ordinary passports: E + 8 digits, E + letter + 7 digits, G + 8 digits', () => {
    for (const n of ['E12345678', 'EA1234567', 'EH7654321', 'G12345678']) {
      expect(validatePassport(n, { chinese: true }), n).toEqual({ ok: true, value: n });
    }
  });

  it('PASSPORT_FORMAT for a PRC passport not of those forms (I and O are not used after E)', () => {
    for (const n of [
      'EI1234567',
      'EO1234567',
      'E1234567',
      'E123456789',
      'X12345678',
      '141234567',
    ]) {
      expect(expectFail(validatePassport(n, { chinese: true }), 'PASSPORT_FORMAT'), n).toContain(
        'E或G',
      );
    }
  });

  it('accepts foreign passport numbers of 5-15 letters and digits (ICAO 9303)', () => {
    for (const n of ['C01X00T47', '123456789', 'XN1234567', 'AB123456', '12345']) {
      expect(validatePassport(n).ok, n).toBe(true);
    }
    expect(validatePassport(' xn 123 4567 ')).toEqual({ ok: true, value: 'XN1234567' });
  });

  it('PASSPORT_CHARACTERS for anything but letters and digits', () => {
    expect(expectFail(validatePassport('E1234/5678'), 'PASSPORT_CHARACTERS')).toContain('/');
  });

  it('PASSPORT_LENGTH outside 5-15, hinting when it looks like a resident number', () => {
    expectFail(validatePassport('E123'), 'PASSPORT_LENGTH');
    expectFail(validatePassport('A234567890123456'), 'PASSPORT_LENGTH');
    expect(expectFail(validatePassport('11010519491231002X'), 'PASSPORT_LENGTH')).toContain(
      '身份证',
    );
  });
});

describe('validateHkMacaoPermit', () => {
  it('accepts H/M + 8 digits, with or without the 2-digit renewal count', () => {
    expect(validateHkMacaoPermit('M87654321')).toEqual({
      ok: true,
      value: { idNumber: 'M87654321', region: 'MO', renewals: undefined },
    });
    expect(validateHkMacaoPermit('h1234567801')).toEqual({
      ok: true,
      value: { idNumber: 'H1234567801', region: 'HK', renewals: '01' },
    });
    expect(validateHkMacaoPermit('H12345678(02)')).toEqual({
      ok: true,
      value: { idNumber: 'H1234567802', region: 'HK', renewals: '02' },
    });
  });

  it('HK_MACAO_PERMIT_FORMAT otherwise', () => {
    for (const n of [
      'K12345678',
      'H1234567',
      'H123456789',
      'H12345678901',
      '12345678',
      'HA2345678',
    ]) {
      expect(expectFail(validateHkMacaoPermit(n), 'HK_MACAO_PERMIT_FORMAT'), n).toContain('H');
    }
  });
});

describe('validateTaiwanPermit', () => {
  it('accepts 8 digits, with or without the 2-digit renewal count', () => {
    expect(validateTaiwanPermit('12345678')).toEqual({
      ok: true,
      value: { idNumber: '12345678', renewals: undefined },
    });
    expect(validateTaiwanPermit('1234 5678 01')).toEqual({
      ok: true,
      value: { idNumber: '1234567801', renewals: '01' },
    });
  });

  it('TAIWAN_PERMIT_FORMAT otherwise', () => {
    for (const n of ['1234567', '123456789', '12345678901', 'A1234567', '1234567(B)']) {
      expectFail(validateTaiwanPermit(n), 'TAIWAN_PERMIT_FORMAT');
    }
  });
});

describe('validateForeignPermanentId', () => {
  const fp = (s: string) => validateForeignPermanentId(s, { today: TODAY });

  it('accepts the 2023 18-digit form and reads the birth date', () => {
    // 9, province 11 (Beijing), nationality 398 (Kazakhstan), 1990-12-31, sequence 002, check 1.
    expect(fp('911398199012310021')).toEqual({
      ok: true,
      value: { idNumber: '911398199012310021', version: '2023', birthDate: '1990-12-31' },
    });
    const x = withCheck('93184019850101001');
    expect(fp(x.toLowerCase()).ok).toBe(true);
  });

  it('accepts the 15-character form of the 2004 and 2017 cards (3 letters + 12 digits)', () => {
    expect(fp('usa310085061512')).toEqual({
      ok: true,
      value: { idNumber: 'USA310085061512', version: '2004', birthDate: undefined },
    });
  });

  it('FOREIGN_PERMANENT_FORMAT for anything else', () => {
    for (const n of [
      '811398199012310021',
      '91139819901231002',
      'US310085061512',
      'USA31008506151',
      '11010519491231002X',
    ]) {
      expectFail(fp(n), 'FOREIGN_PERMANENT_FORMAT');
    }
  });

  it('FOREIGN_PERMANENT_REGION for an unknown province in positions 2-3', () => {
    expect(expectFail(fp(withCheck('99939819901231002')), 'FOREIGN_PERMANENT_REGION')).toContain(
      '99',
    );
    expectFail(fp(withCheck('98139819901231002')), 'FOREIGN_PERMANENT_REGION');
  });

  it('FOREIGN_PERMANENT_BIRTH_DATE, _TOO_EARLY and _FUTURE for the birth date', () => {
    expectFail(fp(withCheck('91139819900231002')), 'FOREIGN_PERMANENT_BIRTH_DATE');
    expectFail(fp(withCheck('91139818991231002')), 'FOREIGN_PERMANENT_BIRTH_DATE_TOO_EARLY');
    expectFail(fp(withCheck('91139820261126002')), 'FOREIGN_PERMANENT_BIRTH_DATE_FUTURE');
  });

  it('FOREIGN_PERMANENT_CHECK_DIGIT for a wrong last digit', () => {
    expectFail(fp('911398199012310022'), 'FOREIGN_PERMANENT_CHECK_DIGIT');
  });
});

describe('maskIdNumberByType', () => {
  it('masks resident numbers the resident way, shows a USCC whole, masks the rest generically', () => {
    expect(maskIdNumberByType('resident', '11010519491231002x')).toBe('110105********002X');
    expect(maskIdNumberByType('uscc', '91350100m000100y43')).toBe('91350100M000100Y43');
    expect(maskIdNumberByType('passport', 'E12345678')).toBe('E1*****78');
    expect(maskIdNumberByType('taiwan_permit', '12345678')).toBe('12****78');
    expect(maskIdNumberByType('foreign_permanent', '911398199012310021')).toBe(
      '9113**********0021',
    );
  });
});
