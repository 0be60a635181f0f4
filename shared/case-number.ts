// Case numbers `{deviceCode}-{YYYYMMDD}-{NNNN}{C}` (PROTOCOL.md): made offline, checked with ISO 7064 MOD 37,36.

import { isIsoDate } from './calendar/calendar-data';
import { beijingDay } from './calendar/working-days';
import { HALL_ID_PATTERN } from './halls';
import { mod37_36CheckCharacter } from './iso7064';
import { fail, ok, type Result } from './result';

export interface DeviceCodeParts {
  /** e.g. `TJ03A` */
  readonly deviceCode: string;
  /** e.g. `TJ` */
  readonly hallId: string;
  /** 1-99, written with two digits in the code */
  readonly counterNo: number;
  /** A-Z, moves on each time the counter is enrolled again */
  readonly generation: string;
}

export interface CaseNumberParts extends DeviceCodeParts {
  /** The canonical number, e.g. `TJ03A-20261125-00422` */
  readonly caseNo: string;
  /** Beijing date, `YYYYMMDD` */
  readonly date: string;
  /** The device's count of cases that day, 1-9999 */
  readonly dailyCount: number;
  readonly checkCharacter: string;
}

export const MAX_DAILY_COUNT = 9999;

const DEVICE_CODE_SHAPE = /^([A-Z]+)(\d{2})([A-Z])$/;

/**
 * What a clerk typed, made comparable: full-width characters (from a Chinese IME) folded to ASCII,
 * dashes of every kind to `-`, spaces dropped, letters upper-cased.
 */
function normalize(input: string): string {
  // The hub sees canonical numbers by the thousand: skip Unicode normalization when it cannot matter.
  if (/^[A-Z0-9-]*$/.test(input)) return input;
  return input
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, '')
    .toUpperCase();
}

/**
 * The calendar date in Beijing (UTC+8, no daylight saving) of an instant, as `YYYYMMDD`: the
 * calendar module's Beijing day without hyphens. Throws a RangeError for an invalid Date or a
 * string that is not ISO-8601 with a zone, since an instant comes from our own code, not a clerk.
 */
export function beijingDate(instant: Date | string): string {
  return beijingDay(instant).replaceAll('-', '');
}

/** True for a `YYYYMMDD` that names a real calendar day. */
function isCompactDate(yyyymmdd: string): boolean {
  return (
    /^\d{8}$/.test(yyyymmdd) &&
    isIsoDate(`${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`)
  );
}

/** Splits and checks a device code such as `TJ03A` (hall id, two-digit counter, generation letter). */
export function parseDeviceCode(input: string): Result<DeviceCodeParts> {
  const code = normalize(input);
  if (code === '') return fail('DEVICE_CODE_EMPTY', '设备编号为空，请填写设备编号（如 TJ03A）。');
  const m = DEVICE_CODE_SHAPE.exec(code);
  const [, hallId, counter, generation] = m ?? [];
  if (!hallId || !counter || !generation || !HALL_ID_PATTERN.test(hallId)) {
    return fail(
      'DEVICE_CODE_FORMAT',
      `设备编号“${code}”格式不对：应为2至6位大写字母的大厅代码、两位柜台号和一位字母，如 TJ03A。`,
    );
  }
  const counterNo = Number(counter);
  if (counterNo === 0) {
    return fail('DEVICE_CODE_COUNTER', `设备编号“${code}”中的柜台号不能是00，柜台号从01开始。`);
  }
  return ok({ deviceCode: code, hallId, counterNo, generation });
}

/**
 * Makes the case number of a device's `dailyCount`-th case of the Beijing day that contains `at`.
 * Refuses (as a Result) a bad device code, an invalid instant, and a count outside 1-9999: the
 * last is a real situation, the device's numbers for the day are used up.
 */
export function makeCaseNumber(args: {
  deviceCode: string;
  at: Date | string;
  dailyCount: number;
}): Result<string> {
  const device = parseDeviceCode(args.deviceCode);
  if (!device.ok) return device;
  let date: string;
  try {
    date = beijingDate(args.at);
  } catch {
    return fail('CASE_NO_INSTANT', '生成案件编号的时间无效，请检查本机时钟后重试。');
  }
  const { dailyCount } = args;
  if (!Number.isInteger(dailyCount) || dailyCount < 1) {
    return fail('CASE_NO_SEQUENCE', `当日序号${String(dailyCount)}无效，应为1至9999的整数。`);
  }
  if (dailyCount > MAX_DAILY_COUNT) {
    return fail(
      'CASE_NO_DAILY_LIMIT',
      '本设备今日的案件编号已用完（每台设备每天最多9999件），请在另一台柜台设备上受理。',
    );
  }
  const { deviceCode } = device.value;
  const count = String(dailyCount).padStart(4, '0');
  return ok(
    `${deviceCode}-${date}-${count}${mod37_36CheckCharacter(`${deviceCode}${date}${count}`)}`,
  );
}

/**
 * Checks a case number as a clerk may type it (any case, spaces, full-width characters, hyphens
 * left out) and returns its parts, the canonical number among them. Every part is checked before
 * the check character, so the clerk learns which part is wrong whenever that can be known.
 */
export function parseCaseNumber(input: string): Result<CaseNumberParts> {
  const s = normalize(input);
  if (s === '') return fail('CASE_NO_EMPTY', '案件编号为空，请输入案件编号。');

  let devicePart: string;
  let datePart: string;
  let tail: string;
  if (s.includes('-')) {
    const pieces = s.split('-');
    if (pieces.length !== 3) {
      return fail(
        'CASE_NO_FORMAT',
        `案件编号“${s}”格式不对：应由两个短横线分成三段，如 TJ03A-20261125-00422。`,
      );
    }
    [devicePart, datePart, tail] = pieces as [string, string, string];
  } else {
    // Without hyphens the parts still split unambiguously: the device code ends at its first digit
    // run plus one letter, and the date, count and check character have fixed lengths.
    const m = /^([A-Z]+\d{2}[A-Z])(.{8})(.*)$/.exec(s);
    if (!m) {
      return fail(
        'CASE_NO_FORMAT',
        `案件编号“${s}”格式不对：应为“设备编号-日期-序号和校验码”，如 TJ03A-20261125-00422。`,
      );
    }
    [, devicePart, datePart, tail] = m as unknown as [string, string, string, string];
  }

  const device = parseDeviceCode(devicePart);
  if (!device.ok) {
    return fail(
      'CASE_NO_DEVICE_CODE',
      `案件编号第一段“${devicePart}”不是有效的设备编号，请核对。${device.error.message}`,
    );
  }
  if (!isCompactDate(datePart)) {
    return fail(
      'CASE_NO_DATE',
      `案件编号第二段“${datePart}”不是有效日期，应为8位年月日（如 20261125），请核对。`,
    );
  }
  const seqMatch = /^(\d{4})([0-9A-Z])$/.exec(tail);
  if (!seqMatch || !seqMatch[1] || !seqMatch[2]) {
    return fail(
      'CASE_NO_SEQUENCE',
      `案件编号最后一段“${tail}”格式不对，应为4位序号加1位校验码（如 00422），请核对。`,
    );
  }
  const dailyCount = Number(seqMatch[1]);
  if (dailyCount === 0) {
    return fail('CASE_NO_SEQUENCE', '案件编号中的序号不能是0000，序号从0001开始，请核对。');
  }
  const checkCharacter = seqMatch[2];
  const expected = mod37_36CheckCharacter(`${device.value.deviceCode}${datePart}${seqMatch[1]}`);
  if (checkCharacter !== expected) {
    return fail(
      'CASE_NO_CHECK_CHAR',
      '案件编号校验码不符，说明编号中有字符输错，请逐位核对回执上的案件编号。',
    );
  }
  return ok({
    ...device.value,
    caseNo: `${device.value.deviceCode}-${datePart}-${seqMatch[1]}${checkCharacter}`,
    date: datePart,
    dailyCount,
    checkCharacter,
  });
}

/** Checks a case number and returns it in canonical form (upper case, with hyphens). */
export function validateCaseNumber(input: string): Result<string> {
  const parsed = parseCaseNumber(input);
  return parsed.ok ? ok(parsed.value.caseNo) : parsed;
}
