// GB 32100 unified social credit codes: real registered codes, every rule and refusal, detection.

import { describe, expect, it } from 'vitest';
import type { Result } from '../../../../shared/result';
import {
  organizationCodeCheckCharacter,
  USCC_ALPHABET,
  USCC_AUTHORITIES,
  usccCheckCharacter,
  validateUscc,
} from '../../../../shared/validators/uscc';

function expectFail(r: Result<unknown>, code: string): string {
  expect(r.ok ? 'ok' : r.error.code).toBe(code);
  if (r.ok) throw new Error('unreachable');
  expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
  return r.error.message;
}

/**
 * Codes of real registered organizations. They are public: printed on business licences and
 * listed in the National Enterprise Credit Information Publicity System (国家企业信用信息公示系统).
 * The attributions below are as found in public sources (company records quoted in public
 * repositories and API examples, GLEIF's LEI record for PetroChina); the last group comes from
 * the list of numbers "found online" in python-stdnum's cn.uscc tests. Each
 * passes both the GB 11714 check (position 17) and the GB 32100 check (position 18), which a
 * made-up string does by chance once in 341.
 */
const REAL_CODES: ReadonlyArray<readonly [string, string]> = [
  ['914403001922038216', '华为技术有限公司'],
  ['91330100799655058B', '阿里巴巴（中国）有限公司'],
  ['91440300708461136T', '深圳市腾讯计算机系统有限公司'],
  ['91110000802100433B', '北京百度网讯科技有限公司'],
  ['91110108551385082Q', '小米科技有限责任公司'],
  ['91110000710925462X', '中国石油天然气股份有限公司 (GLEIF: registeredAs)'],
  ['91350100M000100Y43', 'a Fuzhou enterprise, the sample most validators quote'],
  ['91310110666007217T', 'Shanghai enterprise quoted in hutool tests'],
  ['121200004013590816', 'a Tianjin 事业单位 (python-stdnum)'],
  ['91620105L015101280', 'a Lanzhou enterprise (python-stdnum)'],
  ['92340602MA2PBMEM24', 'a Huaibei 个体工商户 (python-stdnum)'],
  ['92340603MA2PBMCG0U', 'a Huaibei 个体工商户 whose organization check is 0 (python-stdnum)'],
  ['9115220107837757XE', 'an Ulanhot enterprise whose organization check is X (python-stdnum)'],
  ['91310115MA1K3BTP2B', 'a Shanghai Pudong enterprise (python-stdnum)'],
];

/** A code with both check characters put right, from its first 16 characters. */
function complete(first16: string): string {
  const first17 = first16 + organizationCodeCheckCharacter(first16.slice(8, 16));
  return first17 + usccCheckCharacter(first17);
}

describe('validateUscc: real codes', () => {
  it.each(REAL_CODES)('accepts %s (%s)', (code) => {
    const r = validateUscc(code);
    expect(r.ok && r.value.code).toBe(code);
  });

  it('reads the parts of a code', () => {
    expect(validateUscc('91350100M000100Y43')).toEqual({
      ok: true,
      value: {
        code: '91350100M000100Y43',
        authorityCode: '9',
        authorityName: '工商',
        categoryCode: '1',
        categoryName: '企业',
        regionCode: '350100',
        provinceName: '福建省',
        organizationCode: 'M000100Y4',
        checkCharacter: '3',
      },
    });
    const inst = validateUscc('121200004013590816');
    expect(inst.ok && inst.value).toMatchObject({
      authorityName: '机构编制',
      categoryName: '事业单位',
      provinceName: '天津市',
    });
    const ind = validateUscc('92340602MA2PBMEM24');
    expect(ind.ok && ind.value).toMatchObject({
      categoryName: '个体工商户',
      provinceName: '安徽省',
    });
  });

  it('accepts central registrations (region 100000)', () => {
    const r = validateUscc(complete('1110000000000001'));
    expect(r.ok && r.value.provinceName).toBe('中央');
  });

  it('accepts lower case, spaces, hyphens and full-width characters', () => {
    for (const typed of [
      '91350100m000100y43',
      '91 350100 M000100Y4 3',
      '9135-0100-M000-100Y-43',
      '９１３５０１００Ｍ０００１００Ｙ４３',
    ]) {
      const r = validateUscc(typed);
      expect(r.ok && r.value.code, typed).toBe('91350100M000100Y43');
    }
  });
});

describe('check characters', () => {
  it('usccCheckCharacter gives position 18 of the real codes', () => {
    for (const [code] of REAL_CODES)
      expect(usccCheckCharacter(code.slice(0, 17))).toBe(code.charAt(17));
  });

  it('organizationCodeCheckCharacter gives position 17 of the real codes, X and 0 included', () => {
    for (const [code] of REAL_CODES) {
      expect(organizationCodeCheckCharacter(code.slice(8, 16))).toBe(code.charAt(16));
    }
    expect(organizationCodeCheckCharacter('07837757')).toBe('X');
    expect(organizationCodeCheckCharacter('MA2PBMCG')).toBe('0');
  });

  it('throws on input of the wrong length or alphabet, a caller bug', () => {
    expect(() => usccCheckCharacter('9135010')).toThrow(RangeError);
    expect(() => usccCheckCharacter('91350100M000100YO')).toThrow(RangeError);
    expect(() => organizationCodeCheckCharacter('M000100')).toThrow(RangeError);
    expect(() => organizationCodeCheckCharacter('m000100y')).toThrow(RangeError);
  });
});

describe('validateUscc: refusals', () => {
  it('USCC_EMPTY for nothing', () => {
    expectFail(validateUscc(''), 'USCC_EMPTY');
    expectFail(validateUscc('  - '), 'USCC_EMPTY');
  });

  it('USCC_LENGTH for anything but 18 characters, saying how many', () => {
    expect(expectFail(validateUscc('91350100M000100Y4'), 'USCC_LENGTH')).toContain('17位');
    expect(expectFail(validateUscc('91350100M000100Y433'), 'USCC_LENGTH')).toContain('19位');
    // An old 15-digit registration number is not a USCC.
    expectFail(validateUscc('110108000673293'), 'USCC_LENGTH');
  });

  it('USCC_CHARACTERS for I, O, Z, S, V and punctuation, naming the position and the likely digit', () => {
    expect(expectFail(validateUscc('91350100M0001OOY43'), 'USCC_CHARACTERS')).toContain('第14位');
    expect(expectFail(validateUscc('91350100M0001OOY43'), 'USCC_CHARACTERS')).toContain('数字0');
    expect(expectFail(validateUscc('91350100MI00100Y43'), 'USCC_CHARACTERS')).toContain('数字1');
    expect(expectFail(validateUscc('91350100MZ00100Y43'), 'USCC_CHARACTERS')).toContain('数字2');
    expect(expectFail(validateUscc('91350100MS00100Y43'), 'USCC_CHARACTERS')).toContain('数字5');
    expect(expectFail(validateUscc('91350100MV00100Y43'), 'USCC_CHARACTERS')).toContain('U或Y');
    expectFail(validateUscc('91350100M*00100Y43'), 'USCC_CHARACTERS');
  });

  it('USCC_AUTHORITY for a position-1 code no registration authority uses', () => {
    for (const a of [...USCC_ALPHABET].filter((c) => USCC_AUTHORITIES[c] === undefined)) {
      expect(
        expectFail(validateUscc(complete(`${a}1350100M000100Y`)), 'USCC_AUTHORITY'),
        a,
      ).toContain('第1位');
    }
  });

  it('accepts exactly the authority/category pairs of GB 32100 Appendix A (with A and N)', () => {
    let accepted = 0;
    for (const a of USCC_ALPHABET) {
      const authority = USCC_AUTHORITIES[a];
      if (!authority) continue;
      for (const c of USCC_ALPHABET) {
        const r = validateUscc(complete(`${a}${c}350100M000100Y`));
        if (authority.categories[c] !== undefined) {
          expect(r.ok, `${a}${c}`).toBe(true);
          accepted++;
        } else {
          expect(expectFail(r, 'USCC_CATEGORY'), `${a}${c}`).toContain('第2位');
        }
      }
    }
    // 1:4 2:2 3:6 4:2 5:4 6:3 7:3 8:2 9:3 A:2 N:4 Y:1
    expect(accepted).toBe(36);
  });

  it('USCC_CATEGORY names the authority and the categories it allows', () => {
    const message = expectFail(validateUscc(complete('94350100M000100Y')), 'USCC_CATEGORY');
    expect(message).toContain('工商');
    expect(message).toContain('1、2、3');
  });

  it('USCC_REGION for a letter in positions 3-8 or an unknown province', () => {
    expect(expectFail(validateUscc(complete('913501A0M000100Y')), 'USCC_REGION')).toContain(
      '第3至8位',
    );
    for (const p of ['00', '19', '71', '81', '99']) {
      expectFail(validateUscc(complete(`91${p}0100M000100Y`)), 'USCC_REGION');
    }
  });

  it('USCC_ORG_CODE when position 17 is not the GB 11714 check of positions 9-16', () => {
    const first17 = '91350100M000100Y5';
    const code = first17 + usccCheckCharacter(first17);
    expect(expectFail(validateUscc(code), 'USCC_ORG_CODE')).toContain('第9至17位');
  });

  it('USCC_CHECK_CHAR for a wrong position 18', () => {
    expect(expectFail(validateUscc('91350100M000100Y44'), 'USCC_CHECK_CHAR')).toContain('最后一位');
  });

  it('refuses the early Xiamen pilot codes that do not follow the standard (USCC_CHECK_CHAR)', () => {
    // Quoted by hutool as codes issued before GB 32100 whose check character does not fit; the
    // hub refuses them too (PROTOCOL.md), so the counter says so at once.
    expectFail(validateUscc('91350211M00013FA1N'), 'USCC_CHECK_CHAR');
  });

  it('refuses codes made up with both checks wrong (seen in mock data) at the organization code', () => {
    expectFail(validateUscc('9133010057462616XH'), 'USCC_ORG_CODE');
    expectFail(validateUscc('91110000800088421P'), 'USCC_ORG_CODE');
  });

  it('catches every single substitution in the real codes (exhaustive over the 31 characters)', () => {
    for (const [code] of REAL_CODES) {
      for (let i = 0; i < 18; i++) {
        for (const c of USCC_ALPHABET) {
          if (c === code.charAt(i)) continue;
          const wrong = code.slice(0, i) + c + code.slice(i + 1);
          expect(validateUscc(wrong).ok, wrong).toBe(false);
        }
      }
    }
  });

  it('catches every adjacent transposition in the real codes', () => {
    for (const [code] of REAL_CODES) {
      for (let i = 0; i < 17; i++) {
        if (code.charAt(i) === code.charAt(i + 1)) continue;
        const wrong = code.slice(0, i) + code.charAt(i + 1) + code.charAt(i) + code.slice(i + 2);
        expect(validateUscc(wrong).ok, wrong).toBe(false);
      }
    }
  });
});
