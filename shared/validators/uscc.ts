// GB 32100-2015 unified social credit codes (统一社会信用代码), with the GB 11714 organization code inside.

import { fail, ok, type Result } from '../result';
import { MAINLAND_PROVINCES } from './resident-id';

/** The 31 characters of GB 32100: digits and capitals without I, O, Z, S, V; value = index. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** 3^i mod 31, i = 0..16 (GB 32100-2015, 4.1). */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** GB 11714-1997 weights over the 8 body characters of an organization code. */
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/**
 * Registration authority (position 1) and the organization categories it may use (position 2):
 * GB 32100-2015 Appendix A, with the later additions A (中央军委改革和编制办公室) and N (农业, rural
 * collective economic organizations), which are issued in practice.
 */
export const USCC_AUTHORITIES: Readonly<
  Record<string, { readonly name: string; readonly categories: Readonly<Record<string, string>> }>
> = {
  '1': {
    name: '机构编制',
    categories: {
      '1': '机关',
      '2': '事业单位',
      '3': '中央编办直接管理机构编制的群众团体',
      '9': '其他',
    },
  },
  '2': { name: '外交', categories: { '1': '外国常驻新闻机构', '9': '其他' } },
  '3': {
    name: '司法行政',
    categories: {
      '1': '律师执业机构',
      '2': '公证处',
      '3': '基层法律服务所',
      '4': '司法鉴定机构',
      '5': '仲裁委员会',
      '9': '其他',
    },
  },
  '4': { name: '文化', categories: { '1': '外国在华文化中心', '9': '其他' } },
  '5': {
    name: '民政',
    categories: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' },
  },
  '6': {
    name: '旅游',
    categories: {
      '1': '外国旅游部门常驻代表机构',
      '2': '港澳台地区旅游部门常驻内地（大陆）代表机构',
      '9': '其他',
    },
  },
  '7': { name: '宗教', categories: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { name: '工会', categories: { '1': '基层工会', '9': '其他' } },
  '9': { name: '工商', categories: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { name: '中央军委改革和编制办公室', categories: { '1': '军队事业单位', '9': '其他' } },
  N: {
    name: '农业',
    categories: {
      '1': '组级集体经济组织',
      '2': '村级集体经济组织',
      '3': '乡镇级集体经济组织',
      '9': '其他',
    },
  },
  Y: { name: '其他', categories: { '1': '其他' } },
};

/** Region codes of organizations registered by central authorities start with 10 (100000). */
const CENTRAL_REGION_PREFIX = '10';

/** Letters GB 32100 leaves out because they look like digits (or like each other). */
const LOOKALIKES: Readonly<Record<string, string>> = {
  I: '，是否应为数字1？',
  O: '，是否应为数字0？',
  Z: '，是否应为数字2？',
  S: '，是否应为数字5？',
  V: '，是否应为字母U或Y？',
};

export interface UsccInfo {
  /** Canonical form: 18 upper-case characters. */
  readonly code: string;
  readonly authorityCode: string;
  readonly authorityName: string;
  readonly categoryCode: string;
  readonly categoryName: string;
  /** Positions 3-8: the registering authority's administrative division (GB/T 2260). */
  readonly regionCode: string;
  /** Province of the registering authority, or 中央 for 10xxxx. */
  readonly provinceName: string;
  /** Positions 9-17: the GB 11714 organization code, its own check character last. */
  readonly organizationCode: string;
  readonly checkCharacter: string;
}

/** The GB 32100 check character (position 18) for the first 17 characters. */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17.charAt(i));
    if (v < 0 || first17.length !== 17) {
      throw new RangeError(`usccCheckCharacter: not 17 characters of the GB 32100 alphabet`);
    }
    sum += v * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/**
 * The GB 11714 check character of an organization code body (8 digits or capitals, A = 10 …
 * Z = 35): 11 - (weighted sum mod 11), where 10 is written X and 11 is written 0.
 */
export function organizationCodeCheckCharacter(body8: string): string {
  const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const v = ALNUM.indexOf(body8.charAt(i));
    if (v < 0 || body8.length !== 8) {
      throw new RangeError('organizationCodeCheckCharacter: not 8 digits or capitals');
    }
    sum += v * (ORG_CODE_WEIGHTS[i] ?? 0);
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * Validates a unified social credit code. Input may carry spaces or hyphens, lower case and
 * full-width characters; they are normalized away. Checks, in order: length, alphabet,
 * registration authority (1), category for that authority (2), region (3-8), the organization
 * code's own GB 11714 check character (17), and the code's check character (18).
 */
export function validateUscc(value: string): Result<UsccInfo> {
  const code = value
    .normalize('NFKC')
    .replace(/[\s-]+/g, '')
    .toUpperCase();
  if (code === '') return fail('USCC_EMPTY', '统一社会信用代码为空，请填写18位统一社会信用代码。');
  if (code.length !== 18) {
    return fail(
      'USCC_LENGTH',
      `统一社会信用代码应为18位，现在是${code.length}位，请核对是否漏输或多输。`,
    );
  }
  for (let i = 0; i < 18; i++) {
    const ch = code.charAt(i);
    if (!USCC_ALPHABET.includes(ch)) {
      return fail(
        'USCC_CHARACTERS',
        `统一社会信用代码第${i + 1}位“${ch}”不是有效字符：代码只用数字和除I、O、Z、S、V以外的大写字母${LOOKALIKES[ch] ?? '，请核对。'}`,
      );
    }
  }

  const authorityCode = code.charAt(0);
  const authority = USCC_AUTHORITIES[authorityCode];
  if (!authority) {
    return fail(
      'USCC_AUTHORITY',
      `统一社会信用代码第1位“${authorityCode}”不是有效的登记管理部门代码（应为1至9、A、N或Y），请核对。`,
    );
  }
  const categoryCode = code.charAt(1);
  const categoryName = authority.categories[categoryCode];
  if (categoryName === undefined) {
    const allowed = Object.keys(authority.categories).join('、');
    return fail(
      'USCC_CATEGORY',
      `统一社会信用代码第2位“${categoryCode}”不是${authority.name}部门登记的机构类别（应为${allowed}），请核对前两位。`,
    );
  }

  const regionCode = code.slice(2, 8);
  const provincePart = regionCode.slice(0, 2);
  const provinceName =
    provincePart === CENTRAL_REGION_PREFIX ? '中央' : MAINLAND_PROVINCES[provincePart];
  if (!/^\d{6}$/.test(regionCode) || provinceName === undefined) {
    return fail(
      'USCC_REGION',
      `统一社会信用代码第3至8位“${regionCode}”不是有效的行政区划代码，请核对这6位。`,
    );
  }

  const organizationCode = code.slice(8, 17);
  if (organizationCodeCheckCharacter(organizationCode.slice(0, 8)) !== organizationCode.charAt(8)) {
    return fail(
      'USCC_ORG_CODE',
      `统一社会信用代码第9至17位的组织机构代码“${organizationCode}”校验不符，这9位中有字符输错，请逐位核对。`,
    );
  }

  const checkCharacter = code.charAt(17);
  if (usccCheckCharacter(code.slice(0, 17)) !== checkCharacter) {
    return fail(
      'USCC_CHECK_CHAR',
      '统一社会信用代码校验码错误，请核对最后一位；若最后一位无误，则前17位中有字符输错，请逐位核对。',
    );
  }

  return ok({
    code,
    authorityCode,
    authorityName: authority.name,
    categoryCode,
    categoryName,
    regionCode,
    provinceName,
    organizationCode,
    checkCharacter,
  });
}
