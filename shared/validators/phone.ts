// Mainland China mobile numbers: normalizing what a clerk types to 11 digits, and masking for screens.

import { fail, ok, type Result } from '../result';

/**
 * Removes what people write between digits (spaces, hyphens, dots, brackets), folds full-width
 * characters from a Chinese IME to ASCII, and drops the country code +86 / 0086 / 86.
 */
function strip(value: string): { digits: string; foreignCode: string | undefined } {
  let s = value.normalize('NFKC').replace(/[\s\-.()]/g, '');
  let foreignCode: string | undefined;
  if (s.startsWith('+')) {
    s = s.slice(1);
    if (s.startsWith('86')) s = s.slice(2);
    else if (/^\d/.test(s)) foreignCode = s.slice(0, 3);
  } else if (s.startsWith('0086')) {
    s = s.slice(4);
  } else if (s.startsWith('86') && s.length === 13) {
    // Only a 13-digit number: 11 digits starting with 86 cannot be a mobile number anyway.
    s = s.slice(2);
  }
  return { digits: s, foreignCode };
}

/**
 * Validates a mainland China mobile number and returns it as 11 digits. Accepts +86, 0086 or 86
 * in front, and spaces, hyphens, dots or brackets inside (`+86 138-1234-5678`). The second digit
 * must be 3-9: 10-12 are not mobile prefixes in the national numbering plan.
 */
export function validateMobilePhone(value: string): Result<string> {
  const { digits, foreignCode } = strip(value);
  if (value.trim() === '' || (digits === '' && foreignCode === undefined)) {
    return fail('PHONE_EMPTY', '手机号码为空，请填写11位手机号码。');
  }
  if (foreignCode !== undefined) {
    return fail(
      'PHONE_COUNTRY_CODE',
      `只能登记中国大陆手机号码（+86），“+${foreignCode}…”不是大陆号码，请登记申请人的大陆手机号码。`,
    );
  }
  const bad = [...digits].find((ch) => ch < '0' || ch > '9');
  if (bad !== undefined) {
    return fail('PHONE_CHARACTERS', `手机号码中有无效字符“${bad}”，只能填写数字，请核对。`);
  }
  if (digits.length !== 11) {
    return fail(
      'PHONE_LENGTH',
      `手机号码应为11位，现在是${digits.length}位，请核对是否漏输或多输。`,
    );
  }
  if (!digits.startsWith('1')) {
    return fail('PHONE_PREFIX', '手机号码应以1开头；这像是座机号码，请改填申请人的手机号码。');
  }
  const second = digits.charAt(1);
  if (second < '3') {
    return fail(
      'PHONE_SECOND_DIGIT',
      `手机号码第2位应为3至9，“1${second}”开头的不是手机号码，请核对前两位。`,
    );
  }
  return ok(digits);
}

/**
 * Masks a mobile number as `138****5678` (first 3 and last 4 kept, the usual form on Chinese
 * screens and receipts). Input that is not a valid mobile number is starred except its last 4
 * characters, so a mistyped number never shows whole either.
 */
export function maskMobilePhone(value: string): string {
  const valid = validateMobilePhone(value);
  if (valid.ok) return `${valid.value.slice(0, 3)}****${valid.value.slice(7)}`;
  const s = value.normalize('NFKC').replace(/\s+/g, '');
  return s.length <= 4 ? '*'.repeat(s.length) : `${'*'.repeat(s.length - 4)}${s.slice(-4)}`;
}
