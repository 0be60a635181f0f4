// Identity-number validators by `applicant.idType` (PROTOCOL.md), plus the formats of the four travel and residence documents.

import { mod11_2CheckCharacter } from '../iso7064';
import { ID_TYPE_LABELS, IdType } from '../protocol/events';
import { fail, ok, type Result } from '../result';
import {
  checkBirthDate,
  MAINLAND_PROVINCES,
  maskIdNumber,
  maskResidentId,
  normalizeIdInput,
  validateResidentId,
  type ResidentIdInfo,
} from './resident-id';
import { validateUscc, type UsccInfo } from './uscc';

export * from './phone';
export * from './resident-id';
export * from './uscc';

export type IdNumberInfo =
  | { readonly idType: 'resident'; readonly idNumber: string; readonly resident: ResidentIdInfo }
  | { readonly idType: 'uscc'; readonly idNumber: string; readonly uscc: UsccInfo }
  | {
      readonly idType: 'passport';
      readonly idNumber: string;
      /** The number has the form of a current PRC ordinary passport (E/G…). */
      readonly chineseOrdinary: boolean;
    }
  | {
      readonly idType: 'hk_macao_permit';
      readonly idNumber: string;
      readonly region: 'HK' | 'MO';
      /** The 2-digit renewal count when it was written after the number, else undefined. */
      readonly renewals: string | undefined;
    }
  | {
      readonly idType: 'taiwan_permit';
      readonly idNumber: string;
      readonly renewals: string | undefined;
    }
  | {
      readonly idType: 'foreign_permanent';
      readonly idNumber: string;
      /** `2023`: 18 digits starting with 9; `2004`: 3 letters and 12 digits (2004 and 2017 cards). */
      readonly version: '2023' | '2004';
      /** `YYYY-MM-DD`, read from the 2023 format only. */
      readonly birthDate: string | undefined;
    };

export interface IdNumberOptions {
  /** The instant whose Beijing date is "today" for birth-date checks; default now. */
  readonly today?: Date;
  /**
   * The applicant says the passport is a PRC passport: hold it to the PRC ordinary-passport
   * format. Otherwise any ICAO-style number is accepted, since foreigners apply with theirs.
   */
  readonly chinesePassport?: boolean;
}

/** Passport numbers, like the permits below, are also written with brackets around parts. */
function normalizeDocument(value: string): string {
  return normalizeIdInput(value).replace(/[()[\]]/g, '');
}

const emptyId = (idType: IdType) =>
  fail('ID_EMPTY', `${ID_TYPE_LABELS[idType]}号码为空，请填写证件号码。`);

/**
 * PRC ordinary passports that can still be valid: E + 8 digits (e-passports from 2012), E + a
 * letter other than I/O + 7 digits (once the E + digits range ran out), G + 8 digits (2007-2012
 * e-passports, issued for 10 years). This follows the publicly described numbering of PRC
 * passports, not an official specification we could read; older booklets (14/15 + 7 digits) have
 * all expired.
 */
const CN_ORDINARY_PASSPORT = /^(?:E\d{8}|E[A-HJ-NP-Z]\d{7}|G\d{8})$/;

/**
 * ICAO Doc 9303 gives the document number 9 characters (A-Z, 0-9) in the machine-readable zone;
 * longer numbers overflow into the optional-data field, and some states issue shorter ones. So a
 * foreign passport is held to letters and digits, 5 to 15 of them, and nothing more.
 */
export function validatePassport(
  value: string,
  options: { readonly chinese?: boolean } = {},
): Result<string> {
  const s = normalizeDocument(value);
  if (s === '') return emptyId('passport');
  const bad = [...s].find((ch) => !/[0-9A-Z]/.test(ch));
  if (bad !== undefined) {
    return fail(
      'PASSPORT_CHARACTERS',
      `护照号码中有无效字符“${bad}”，护照号码只含字母和数字，请按护照资料页核对。`,
    );
  }
  if (options.chinese) {
    if (!CN_ORDINARY_PASSPORT.test(s)) {
      return fail(
        'PASSPORT_FORMAT',
        '中国普通护照号码应为E或G开头加8位数字，或E加一个字母再加7位数字（如 EA1234567），请按护照资料页核对。',
      );
    }
    return ok(s);
  }
  if (s.length < 5 || s.length > 15) {
    const hint = /^\d{17}[0-9X]$/.test(s) ? '这像是身份证号码，请确认证件类型；' : '';
    return fail(
      'PASSPORT_LENGTH',
      `护照号码应为5至15位字母或数字，现在是${s.length}位，${hint}请按护照资料页核对。`,
    );
  }
  return ok(s);
}

/**
 * 港澳居民来往内地通行证 (the 2013 card): H (Hong Kong) or M (Macao) + 8 digits; the card prints a
 * 2-digit renewal count beside it, which many systems append, so H/M + 10 digits is accepted too.
 * Source: the card layout as publicly described when the Ministry of Public Security introduced
 * the card in 2013 (the older booklets it replaced have expired).
 */
export function validateHkMacaoPermit(
  value: string,
): Result<{ idNumber: string; region: 'HK' | 'MO'; renewals: string | undefined }> {
  const s = normalizeDocument(value);
  if (s === '') return emptyId('hk_macao_permit');
  const m = /^([HM])(\d{8})(\d{2})?$/.exec(s);
  if (!m) {
    return fail(
      'HK_MACAO_PERMIT_FORMAT',
      '港澳居民来往内地通行证号码应为H（香港居民）或M（澳门居民）开头加8位数字（连同换证次数为10位），请按证件核对。',
    );
  }
  return ok({ idNumber: s, region: m[1] === 'H' ? 'HK' : 'MO', renewals: m[3] });
}

/**
 * 台湾居民来往大陆通行证 (the 2015 card): 8 digits, with the 2-digit renewal count often appended
 * (10 digits). Source: the card layout as publicly described when the card replaced the booklet
 * in 2015 (the booklets, with a letter suffix, are no longer valid).
 */
export function validateTaiwanPermit(
  value: string,
): Result<{ idNumber: string; renewals: string | undefined }> {
  const s = normalizeDocument(value);
  if (s === '') return emptyId('taiwan_permit');
  const m = /^(\d{8})(\d{2})?$/.exec(s);
  if (!m) {
    return fail(
      'TAIWAN_PERMIT_FORMAT',
      '台湾居民来往大陆通行证号码应为8位数字（连同换证次数为10位），请按证件核对。',
    );
  }
  return ok({ idNumber: s, renewals: m[2] });
}

/**
 * 外国人永久居留身份证. The 2023 card (announced by the National Immigration Administration, issued
 * from 2023-12-01) has 18 digits laid out like a resident number: 9, the 2-digit province where it was
 * applied for, the 3-digit ISO 3166-1 numeric nationality, the birth date YYYYMMDD, a 3-digit
 * sequence and a GB 11643 (MOD 11-2) check character. The 2004 and 2017 cards have 15
 * characters: an ISO 3166-1 alpha-3 nationality and 12 digits; we check only that shape, as we
 * could not confirm their field layout and check algorithm against an official text.
 */
export function validateForeignPermanentId(
  value: string,
  options: { readonly today?: Date } = {},
): Result<{ idNumber: string; version: '2023' | '2004'; birthDate: string | undefined }> {
  const s = normalizeIdInput(value);
  if (s === '') return emptyId('foreign_permanent');
  if (/^[A-Z]{3}\d{12}$/.test(s)) return ok({ idNumber: s, version: '2004', birthDate: undefined });
  if (!/^9\d{16}[0-9X]$/.test(s)) {
    return fail(
      'FOREIGN_PERMANENT_FORMAT',
      '外国人永久居留身份证号码应为9开头的18位（新版），或3个字母加12位数字共15位（旧版），请按证件核对。',
    );
  }
  const province = s.slice(1, 3);
  if (MAINLAND_PROVINCES[province] === undefined) {
    return fail(
      'FOREIGN_PERMANENT_REGION',
      `外国人永久居留身份证号码第2至3位“${province}”不是有效的省级行政区划代码，请核对。`,
    );
  }
  const birth = checkBirthDate(
    s.slice(6, 14),
    options.today ?? new Date(),
    {
      invalid: 'FOREIGN_PERMANENT_BIRTH_DATE',
      future: 'FOREIGN_PERMANENT_BIRTH_DATE_FUTURE',
      tooEarly: 'FOREIGN_PERMANENT_BIRTH_DATE_TOO_EARLY',
    },
    '外国人永久居留身份证号码',
    '第7至14位',
  );
  if (!birth.ok) return birth;
  if (mod11_2CheckCharacter(s.slice(0, 17)) !== s.charAt(17)) {
    return fail(
      'FOREIGN_PERMANENT_CHECK_DIGIT',
      '外国人永久居留身份证号码校验位错误，请核对最后一位；若最后一位无误，则前17位中有数字输错。',
    );
  }
  return ok({ idNumber: s, version: '2023', birthDate: birth.value });
}

/**
 * Validates `value` as a number of the document `idType` names, as the hub and the intake form
 * both must. `idType` is a string because it comes off the wire: an unknown one is refused.
 */
export function validateIdNumber(
  idType: string,
  value: string,
  options: IdNumberOptions = {},
): Result<IdNumberInfo> {
  const type = IdType.safeParse(idType);
  if (!type.success) {
    return fail(
      'ID_TYPE_UNKNOWN',
      `证件类型“${idType}”无法识别，请选择居民身份证、统一社会信用代码、护照、港澳或台湾通行证、外国人永久居留身份证之一。`,
    );
  }
  switch (type.data) {
    case 'resident': {
      const r = validateResidentId(value, options);
      return r.ok ? ok({ idType: 'resident', idNumber: r.value.idNumber, resident: r.value }) : r;
    }
    case 'uscc': {
      const r = validateUscc(value);
      return r.ok ? ok({ idType: 'uscc', idNumber: r.value.code, uscc: r.value }) : r;
    }
    case 'passport': {
      const r = validatePassport(value, { chinese: options.chinesePassport === true });
      return r.ok
        ? ok({
            idType: 'passport',
            idNumber: r.value,
            chineseOrdinary: CN_ORDINARY_PASSPORT.test(r.value),
          })
        : r;
    }
    case 'hk_macao_permit': {
      const r = validateHkMacaoPermit(value);
      return r.ok ? ok({ idType: 'hk_macao_permit', ...r.value }) : r;
    }
    case 'taiwan_permit': {
      const r = validateTaiwanPermit(value);
      return r.ok ? ok({ idType: 'taiwan_permit', ...r.value }) : r;
    }
    case 'foreign_permanent': {
      const r = validateForeignPermanentId(value, options);
      return r.ok ? ok({ idType: 'foreign_permanent', ...r.value }) : r;
    }
  }
}

/**
 * The form of a number to show on screens that do not need it whole: resident numbers as
 * `110105********002X`, other personal documents by the generic mask. A USCC is shown whole: it
 * identifies an organization and is public in the national enterprise credit register.
 */
export function maskIdNumberByType(idType: string, value: string): string {
  if (idType === 'resident') return maskResidentId(value);
  if (idType === 'uscc') return normalizeIdInput(value);
  return maskIdNumber(value);
}
