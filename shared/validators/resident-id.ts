// GB 11643-1999 citizen identity numbers (居民身份证): checking, parsing and masking for screens.

import { isIsoDate } from '../calendar/calendar-data';
import { beijingDay } from '../calendar/working-days';
import { mod11_2CheckCharacter } from '../iso7064';
import { fail, ok, type Result } from '../result';

/**
 * Province-level codes of GB/T 2260 under which identity numbers are issued on the mainland. We
 * cannot ship the county list (it changes every year), so only the first two digits are checked.
 * 71 (台湾省) is in GB/T 2260 but no number has ever been issued under it, so it is refused: a
 * number starting with 71 is a typo.
 */
export const MAINLAND_PROVINCES: Readonly<Record<string, string>> = {
  '11': '北京市',
  '12': '天津市',
  '13': '河北省',
  '14': '山西省',
  '15': '内蒙古自治区',
  '21': '辽宁省',
  '22': '吉林省',
  '23': '黑龙江省',
  '31': '上海市',
  '32': '江苏省',
  '33': '浙江省',
  '34': '安徽省',
  '35': '福建省',
  '36': '江西省',
  '37': '山东省',
  '41': '河南省',
  '42': '湖北省',
  '43': '湖南省',
  '44': '广东省',
  '45': '广西壮族自治区',
  '46': '海南省',
  '50': '重庆市',
  '51': '四川省',
  '52': '贵州省',
  '53': '云南省',
  '54': '西藏自治区',
  '61': '陕西省',
  '62': '甘肃省',
  '63': '青海省',
  '64': '宁夏回族自治区',
  '65': '新疆维吾尔自治区',
};

/**
 * 港澳台居民居住证 (2018) carry a number of the same form whose address code is exactly 810000,
 * 820000 or 830000 (《港澳台居民居住证申领发放办法》); holders present it where a resident
 * number is asked for, so it is accepted and flagged.
 */
export const RESIDENCE_PERMIT_REGIONS: Readonly<Record<string, string>> = {
  '81': '香港特别行政区',
  '82': '澳门特别行政区',
  '83': '台湾地区',
};

export interface ResidentIdInfo {
  /** Canonical form: 18 characters, a final check character `x` written as `X`. */
  readonly idNumber: string;
  /** Address code, digits 1-6 (where the number was first issued, not where the person lives). */
  readonly regionCode: string;
  readonly provinceCode: string;
  readonly provinceName: string;
  /** `YYYY-MM-DD` */
  readonly birthDate: string;
  /** GB 11643: an odd 17th digit is a man, an even one a woman. */
  readonly sex: 'male' | 'female';
  /** Digits 15-17. */
  readonly sequence: string;
  readonly checkCharacter: string;
  /** A 港澳台居民居住证 number (address code 810000 / 820000 / 830000). */
  readonly residencePermit: boolean;
}

export interface ResidentIdOptions {
  /** The instant whose Beijing date is "today" for the birth-date check; default now. */
  readonly today?: Date;
}

const EARLIEST_BIRTH_DATE = '1900-01-01';

/**
 * What a clerk or a card reader gives, made comparable: full-width digits and letters from a
 * Chinese IME folded to ASCII (NFKC), spaces dropped, letters upper-cased.
 */
export function normalizeIdInput(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** `YYYYMMDD` → `YYYY-MM-DD` */
export function dashedDate(yyyymmdd: string): string {
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

/**
 * Checks a birth date embedded in an identity document number: a real day, not before 1900, not
 * after today in Beijing. `what` names the document and `positions` the digits, for the message.
 */
export function checkBirthDate(
  yyyymmdd: string,
  today: Date,
  codes: { invalid: string; future: string; tooEarly: string },
  what: string,
  positions: string,
): Result<string> {
  const date = dashedDate(yyyymmdd);
  if (!/^\d{8}$/.test(yyyymmdd) || !isIsoDate(date)) {
    return fail(
      codes.invalid,
      `${what}${positions}的出生日期“${yyyymmdd}”不是有效日期，请核对这几位。`,
    );
  }
  if (date < EARLIEST_BIRTH_DATE) {
    return fail(
      codes.tooEarly,
      `${what}中的出生日期${date}早于1900年，不可能是在世申请人的号码，请核对${positions}。`,
    );
  }
  if (date > beijingDay(today)) {
    return fail(codes.future, `${what}中的出生日期${date}晚于今天，请核对${positions}。`);
  }
  return ok(date);
}

/**
 * Validates an 18-digit citizen identity number (GB 11643-1999) and returns what it says. Input is
 * normalized first: spaces and full-width characters are accepted, and a final lower-case `x` is
 * read as `X` (the returned `idNumber` is the canonical upper-case form).
 *
 * Checks, in the order a clerk can act on them: length (with a separate answer for the retired
 * 15-digit numbers), characters, the province part of the address code, the birth date, and last
 * the MOD 11-2 check character, which catches any other single mistyped digit.
 */
export function validateResidentId(
  value: string,
  options: ResidentIdOptions = {},
): Result<ResidentIdInfo> {
  const id = normalizeIdInput(value);
  if (id === '') return fail('ID_EMPTY', '身份证号码为空，请填写18位公民身份号码。');
  if (/^\d{15}$/.test(id)) {
    return fail(
      'ID_OLD_15_DIGIT',
      '这是已停止使用的15位旧身份证号码，请登记申请人现行有效身份证上的18位号码。',
    );
  }
  if (id.length !== 18) {
    return fail(
      'ID_LENGTH',
      `身份证号码应为18位，现在是${id.length}位，请核对是否漏输或多输了数字。`,
    );
  }
  for (let i = 0; i < 17; i++) {
    const ch = id.charAt(i);
    if (ch < '0' || ch > '9') {
      return fail(
        'ID_CHARACTERS',
        `身份证号码第${i + 1}位“${ch}”不是数字：前17位只能是数字，只有最后一位可以是X，请核对。`,
      );
    }
  }
  const last = id.charAt(17);
  if (!/^[0-9X]$/.test(last)) {
    return fail('ID_CHARACTERS', `身份证号码最后一位“${last}”无效，只能是数字或X，请核对。`);
  }

  const regionCode = id.slice(0, 6);
  const provinceCode = id.slice(0, 2);
  let provinceName = MAINLAND_PROVINCES[provinceCode];
  let residencePermit = false;
  if (provinceName === undefined) {
    const permitRegion = RESIDENCE_PERMIT_REGIONS[provinceCode];
    if (permitRegion === undefined) {
      return fail(
        'ID_REGION',
        `身份证号码前两位“${provinceCode}”不是有效的省级行政区划代码，请核对前6位地址码。`,
      );
    }
    if (regionCode !== `${provinceCode}0000`) {
      return fail(
        'ID_REGION',
        `以${provinceCode}开头的是${permitRegion}居民居住证号码，前6位应为${provinceCode}0000，请核对前6位。`,
      );
    }
    provinceName = permitRegion;
    residencePermit = true;
  }

  const birth = checkBirthDate(
    id.slice(6, 14),
    options.today ?? new Date(),
    {
      invalid: 'ID_BIRTH_DATE',
      future: 'ID_BIRTH_DATE_FUTURE',
      tooEarly: 'ID_BIRTH_DATE_TOO_EARLY',
    },
    '身份证号码',
    '第7至14位',
  );
  if (!birth.ok) return birth;

  if (mod11_2CheckCharacter(id.slice(0, 17)) !== last) {
    return fail(
      'ID_CHECK_DIGIT',
      '身份证号码校验位错误，请核对最后一位；若最后一位无误，则前17位中有数字输错，请逐位核对。',
    );
  }

  const sequence = id.slice(14, 17);
  return ok({
    idNumber: id,
    regionCode,
    provinceCode,
    provinceName,
    birthDate: birth.value,
    sex: Number(sequence.charAt(2)) % 2 === 1 ? 'male' : 'female',
    sequence,
    checkCharacter: last,
    residencePermit,
  });
}

/**
 * Masks an identity document number for screens that do not need it whole, keeping a quarter at
 * each end (at least one character) and starring the middle; four characters or fewer are
 * starred entirely, since there is nothing left to hide otherwise.
 */
export function maskIdNumber(value: string): string {
  const s = normalizeIdInput(value);
  if (s.length <= 4) return '*'.repeat(s.length);
  const keep = Math.max(1, Math.floor(s.length / 4));
  return `${s.slice(0, keep)}${'*'.repeat(s.length - 2 * keep)}${s.slice(-keep)}`;
}

/**
 * Masks a resident number as `110105********002X`: the address code (first 6) and the last 4
 * (the end of the sequence and the check character) stay, the 8 birth-date digits are starred.
 * "Keep the first 6 and the last 4" is the common convention on Chinese government service
 * screens; it hides the birth date, the personal part, while the clerk can still match the number
 * with the card. Anything that is not 18 characters falls back to the generic mask.
 */
export function maskResidentId(value: string): string {
  const s = normalizeIdInput(value);
  if (s.length !== 18) return maskIdNumber(s);
  return `${s.slice(0, 6)}${'*'.repeat(8)}${s.slice(14)}`;
}
