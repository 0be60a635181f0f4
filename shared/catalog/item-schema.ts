// The standardized service catalog (PROTOCOL.md "Catalog"): zod schemas, inferred types, parseCatalog.
import { z } from 'zod';
import { HALL_ID_PATTERN } from '../halls';
import { fail, ok, type Result } from '../result';

/*
 * Item type. `type` holds the Chinese name of one of the 11 kinds of government power or service
 * (the wording of the national catalog, shown to clerks as is). Each kind also has a stable
 * two-letter key, the 事项类型代码 used in power lists (XK 行政许可, CF 行政处罚, …), which is the first
 * part of every item code, so a code alone tells the kind.
 */
export const ITEM_TYPES = [
  '行政许可',
  '行政给付',
  '行政确认',
  '行政裁决',
  '行政奖励',
  '行政征收',
  '行政检查',
  '行政处罚',
  '行政强制',
  '其他行政权力',
  '公共服务',
] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

export const ITEM_TYPE_KEYS = {
  行政许可: 'XK',
  行政给付: 'JF',
  行政确认: 'QR',
  行政裁决: 'CJ',
  行政奖励: 'JL',
  行政征收: 'ZS',
  行政检查: 'JC',
  行政处罚: 'CF',
  行政强制: 'QZ',
  其他行政权力: 'QT',
  公共服务: 'GG',
} as const satisfies Record<ItemType, string>;
export type ItemTypeKey = (typeof ITEM_TYPE_KEYS)[ItemType];

const TYPE_BY_KEY = new Map<string, ItemType>(
  ITEM_TYPES.map((t) => [ITEM_TYPE_KEYS[t], t] as const),
);

/*
 * Item code: `{基本编码}-{homeHallId}`, e.g. `XK00101001-TJ`.
 * The basic code (基本编码) is built as in the provincial item-coding standards (e.g. DB52/T 1264—2018:
 * 2-letter type key, 5-digit main item 00001–99999, 3-digit sub-item, 000 when the item has none;
 * 10 characters, `XK00101001`). The main and sub numbers are this region's own, and the code is the same in
 * the whole region: 护士执业注册（首次注册） is XK00101001 whichever authority handles it. Because the
 * home authority decides who reviews a case, the catalog entry adds the home hall, the way an
 * implementation code (实施编码) adds the implementing region. Entries that share a basic code must
 * share name, type and legal basis (checked on the catalog).
 */
export const ITEM_CODE_PATTERN = /^(XK|JF|QR|CJ|JL|ZS|JC|CF|QZ|QT|GG)(\d{5})(\d{3})-([A-Z]{2,6})$/;

export interface ItemCodeParts {
  readonly basicCode: string;
  readonly typeKey: ItemTypeKey;
  readonly type: ItemType;
  readonly mainCode: string;
  readonly subCode: string;
  readonly homeHallId: string;
}

/** Splits an item code into its parts, or null when it is not a well-formed item code. */
export function parseItemCode(code: string): ItemCodeParts | null {
  const m = ITEM_CODE_PATTERN.exec(code);
  if (!m) return null;
  const [, typeKey = '', mainCode = '', subCode = '', homeHallId = ''] = m;
  const type = TYPE_BY_KEY.get(typeKey);
  if (!type || mainCode === '00000') return null;
  return {
    basicCode: `${typeKey}${mainCode}${subCode}`,
    typeKey: typeKey as ItemTypeKey,
    type,
    mainCode,
    subCode,
    homeHallId,
  };
}

export const FIELD_KINDS = [
  'text',
  'number',
  'date',
  'select',
  'idNumber',
  'uscc',
  'phone',
  'address',
] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export const MATERIAL_FORMS = ['original', 'copy', 'electronic'] as const;
export type MaterialForm = (typeof MATERIAL_FORMS)[number];

export const APPLICANT_KINDS = ['person', 'enterprise'] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];

const FORM_ZH: Record<MaterialForm, string> = {
  original: '原件',
  copy: '复印件',
  electronic: '电子件',
};

/** Type error for a value: "缺少X" when it is absent, "X应为…" when it has the wrong type. */
const need = (what: string, expected: string) => ({
  error: (iss: { input?: unknown }) =>
    iss.input === undefined ? `缺少${what}` : `${what}应为${expected}`,
});

const text = (what: string) =>
  z
    .string(need(what, '文字'))
    .trim()
    .min(1, { error: `${what}不能为空` });

const optionalText = (what: string) => text(what).optional();

/** Reports each value that occurs more than once, at the path of its second occurrence. */
function reportDuplicates(
  values: readonly string[],
  ctx: z.RefinementCtx,
  pathOf: (index: number) => (string | number)[],
  message: (value: string) => string,
): void {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value))
      ctx.addIssue({ code: 'custom', path: pathOf(index), message: message(value) });
    seen.add(value);
  });
}

export const FeeSchema = z.object({
  /** Yuan; 0 means free of charge (不收费). */
  amount: z
    .number(need('收费金额', '数字（元）'))
    .min(0, { error: '收费金额不能为负数' })
    .max(1_000_000, { error: '收费金额过大' })
    .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, {
      error: '收费金额最多精确到分（两位小数）',
    }),
  note: optionalText('收费说明'),
});
export type Fee = z.infer<typeof FeeSchema>;

export const MaterialSchema = z
  .object({
    materialId: z.string(need('材料编号', '文字')).regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, {
      error: '材料编号只能由小写字母、数字和连字符组成，并以字母开头（如 id-card）',
    }),
    name: text('材料名称'),
    required: z.boolean(need('材料是否必需（required）', '是或否（true / false）')),
    forms: z
      .array(
        z.enum(MATERIAL_FORMS, {
          error: '材料形式只能是 original（原件）、copy（复印件）或 electronic（电子件）',
        }),
      )
      .min(1, { error: '材料至少要允许一种形式（原件、复印件或电子件）' }),
    /** Copies needed. */
    count: z
      .int(need('材料份数', '整数'))
      .min(1, { error: '材料份数至少为 1' })
      .max(20, { error: '材料份数不能超过 20' })
      .optional(),
    note: optionalText('材料说明'),
  })
  .superRefine((m, ctx) => {
    reportDuplicates(
      m.forms,
      ctx,
      (i) => ['forms', i],
      (f) => `材料形式“${FORM_ZH[f as MaterialForm]}”重复`,
    );
  });
export type Material = z.infer<typeof MaterialSchema>;

export const FieldSchema = z
  .object({
    name: z.string(need('字段名', '文字')).regex(/^[a-z][A-Za-z0-9]{0,39}$/, {
      error: '字段名应为小驼峰英文标识（如 practiceOrg），以小写字母开头',
    }),
    label: text('字段标签'),
    kind: z.enum(FIELD_KINDS, {
      error: `字段类型只能是 ${FIELD_KINDS.join('、')} 之一`,
    }),
    required: z.boolean(need('字段是否必填（required）', '是或否（true / false）')),
    options: z.array(text('选项')).optional(),
    placeholder: optionalText('占位提示'),
    maxLength: z
      .int(need('最大长度', '整数'))
      .min(1, { error: '最大长度至少为 1' })
      .max(2000, { error: '最大长度不能超过 2000' })
      .optional(),
    help: optionalText('填写说明'),
  })
  .superRefine((f, ctx) => {
    if (f.kind === 'select') {
      if (!f.options || f.options.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['options'],
          message: `下拉选择字段“${f.label}”必须提供选项（options）`,
        });
      } else {
        reportDuplicates(
          f.options,
          ctx,
          (i) => ['options', i],
          (o) => `字段“${f.label}”的选项“${o}”重复`,
        );
      }
    } else if (f.options !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: `只有下拉选择（select）字段可以有选项，字段“${f.label}”是 ${f.kind}`,
      });
    }
  });
export type Field = z.infer<typeof FieldSchema>;

export const CertificateSchema = z.object({
  name: text('证照名称'),
  /** Years the certificate stays valid; absent when it does not expire. */
  validYears: z
    .int(need('证照有效期（年）', '整数'))
    .min(1, { error: '证照有效期至少 1 年' })
    .max(100, { error: '证照有效期不能超过 100 年' })
    .optional(),
  /** Id of the print template under resources/ (certificate layouts). */
  template: z
    .string(need('证照模板编号', '文字'))
    .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, {
      error: '证照模板编号只能由小写字母、数字和连字符组成（如 nurse-license）',
    })
    .optional(),
  /** Names of the item's form fields copied onto the certificate. */
  fields: z.array(z.string(need('证照字段', '字段名'))).optional(),
});
export type Certificate = z.infer<typeof CertificateSchema>;

export const ItemSchema = z
  .object({
    code: z.string(need('事项编码', '文字')).regex(ITEM_CODE_PATTERN, {
      error: '事项编码格式应为“类型代码2位+主项5位+子项3位-办理地大厅”，如 XK00101001-TJ',
    }),
    name: text('事项名称'),
    type: z.enum(ITEM_TYPES, { error: `事项类型只能是 ${ITEM_TYPES.join('、')} 之一` }),
    legalBasis: text('设定依据'),
    homeHallId: z
      .string(need('办理地大厅', '文字'))
      .regex(HALL_ID_PATTERN, { error: '办理地大厅编号应为 2–6 位大写字母（如 BJ、TJ、SJZ、XA）' }),
    authority: text('实施机关'),
    applicantKinds: z
      .array(
        z.enum(APPLICANT_KINDS, {
          error: '申请人类型只能是 person（自然人）或 enterprise（法人）',
        }),
      )
      .min(1, { error: '至少要有一种申请人类型' }),
    legalDays: z
      .int(need('法定办结时限', '整数（工作日）'))
      .min(1, { error: '法定办结时限至少 1 个工作日' })
      .max(365, { error: '法定办结时限不能超过 365 个工作日' }),
    /** Working days promised to the applicant; 0 means done on the day of acceptance (即办). */
    promisedDays: z
      .int(need('承诺办结时限', '整数（工作日）'))
      .min(0, { error: '承诺办结时限不能为负数' }),
    fee: FeeSchema,
    materials: z.array(MaterialSchema).min(1, { error: '事项至少需要一项申请材料' }),
    fields: z.array(FieldSchema).max(40, { error: '表单字段不能超过 40 个' }),
    certificate: CertificateSchema.nullable(),
  })
  .superRefine((item, ctx) => {
    const parts = parseItemCode(item.code);
    if (!parts) {
      // A code that fails the pattern is reported by the pattern check; what is left is main code 00000.
      if (ITEM_CODE_PATTERN.test(item.code)) {
        ctx.addIssue({
          code: 'custom',
          path: ['code'],
          message: `事项编码 ${item.code} 的主项代码不能为 00000`,
        });
      }
    } else {
      if (parts.type !== item.type) {
        ctx.addIssue({
          code: 'custom',
          path: ['code'],
          message: `事项编码 ${item.code} 的类型代码 ${parts.typeKey}（${parts.type}）与事项类型“${item.type}”（${ITEM_TYPE_KEYS[item.type]}）不符`,
        });
      }
      if (parts.homeHallId !== item.homeHallId) {
        ctx.addIssue({
          code: 'custom',
          path: ['code'],
          message: `事项编码 ${item.code} 的大厅后缀 ${parts.homeHallId} 与办理地大厅 ${item.homeHallId} 不符`,
        });
      }
    }
    if (item.promisedDays > item.legalDays) {
      ctx.addIssue({
        code: 'custom',
        path: ['promisedDays'],
        message: `承诺办结时限（${item.promisedDays} 个工作日）不能超过法定办结时限（${item.legalDays} 个工作日）`,
      });
    }
    reportDuplicates(
      item.applicantKinds,
      ctx,
      (i) => ['applicantKinds', i],
      (k) => `申请人类型 ${k} 重复`,
    );
    reportDuplicates(
      item.materials.map((m) => m.materialId),
      ctx,
      (i) => ['materials', i, 'materialId'],
      (id) => `材料编号 ${id} 在本事项中重复`,
    );
    reportDuplicates(
      item.fields.map((f) => f.name),
      ctx,
      (i) => ['fields', i, 'name'],
      (name) => `字段名 ${name} 在本事项中重复`,
    );
    const fieldNames = new Set(item.fields.map((f) => f.name));
    const certFields = item.certificate?.fields ?? [];
    certFields.forEach((name, i) => {
      if (!fieldNames.has(name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['certificate', 'fields', i],
          message: `证照字段 ${name} 不是本事项的表单字段`,
        });
      }
    });
    reportDuplicates(
      certFields,
      ctx,
      (i) => ['certificate', 'fields', i],
      (name) => `证照字段 ${name} 重复`,
    );
  });
export type Item = z.infer<typeof ItemSchema>;

export const CatalogSchema = z
  .object({
    /** One version for the whole catalog; the hub serves it as the ETag. */
    version: z.string(need('目录版本', '文字')).regex(/^[0-9A-Za-z][0-9A-Za-z.+-]{0,63}$/, {
      error: '目录版本只能由字母、数字和 . + - 组成（如 2026.11.1）',
    }),
    items: z.array(ItemSchema).min(1, { error: '目录至少需要一个事项' }),
  })
  .superRefine(
    (catalog, ctx) => {
      // Runs even when some items are malformed (see `when`), so read every item defensively.
      const items: readonly unknown[] = catalog.items;
      const str = (item: unknown, key: string): string | undefined => {
        const v =
          item !== null && typeof item === 'object'
            ? (item as Record<string, unknown>)[key]
            : undefined;
        return typeof v === 'string' ? v : undefined;
      };
      const codes = items.map((item) => str(item, 'code'));
      const seen = new Set<string>();
      const duplicates = new Set<number>();
      codes.forEach((code, i) => {
        if (code === undefined) return;
        if (seen.has(code)) {
          duplicates.add(i);
          ctx.addIssue({
            code: 'custom',
            path: ['items', i, 'code'],
            message: `事项编码 ${code} 在目录中重复`,
          });
        }
        seen.add(code);
      });
      // Items with problems of their own are left out of the comparison: it would only echo them.
      const broken = new Set<unknown>(
        ctx.issues.filter((iss) => iss.path?.[0] === 'items').map((iss) => iss.path?.[1]),
      );
      const zh = { name: '名称', type: '类型', legalBasis: '设定依据' } as const;
      const firstByBasic = new Map<string, number>();
      items.forEach((item, i) => {
        const code = codes[i];
        if (duplicates.has(i) || broken.has(i)) return;
        const basic = code === undefined ? undefined : parseItemCode(code)?.basicCode;
        if (basic === undefined) return;
        const firstIndex = firstByBasic.get(basic);
        if (firstIndex === undefined) {
          firstByBasic.set(basic, i);
          return;
        }
        const first = items[firstIndex];
        for (const k of ['name', 'type', 'legalBasis'] as const) {
          const a = str(first, k);
          const b = str(item, k);
          if (a !== undefined && b !== undefined && a.trim() !== b.trim()) {
            ctx.addIssue({
              code: 'custom',
              path: ['items', i, k],
              message: `基本编码 ${basic} 相同的事项${zh[k]}必须一致：${codes[firstIndex] ?? ''} 为“${a}”，${code ?? ''} 为“${b}”`,
            });
          }
        }
      });
    },
    {
      when: (payload) => {
        const v = payload.value;
        return (
          v !== null && typeof v === 'object' && Array.isArray((v as { items?: unknown }).items)
        );
      },
    },
  );
export type Catalog = z.infer<typeof CatalogSchema>;

// Readable Chinese for the generic issues a hand-edited JSON file produces (schema messages win).
const zhLocale = z.locales.zhCN().localeError;
const zhIssue: z.core.$ZodErrorMap = (iss) => {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined) return '缺少此项';
      return `类型不对：应为${TYPE_ZH[iss.expected] ?? iss.expected}，实际为${describe(iss.input)}`;
    case 'unrecognized_keys':
      return `有未知的项：${iss.keys.join('、')}`;
    default:
      return zhLocale(iss);
  }
};
const TYPE_ZH: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是或否（true / false）',
  array: '列表',
  object: '对象',
  null: 'null',
};
function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return '列表';
  if (typeof v === 'string') return `文字“${v.length > 20 ? `${v.slice(0, 20)}…` : v}”`;
  if (typeof v === 'number') return `数字 ${v}`;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'object') return '对象';
  return typeof v;
}

/** `items[3]（XK00101001-TJ）.materials[0].forms` — with the item's code when the input has one. */
function formatPath(path: readonly PropertyKey[], input: unknown): string {
  let out = '';
  let node: unknown = input;
  path.forEach((seg, depth) => {
    if (typeof seg === 'number') {
      out += `[${seg}]`;
    } else {
      out += `${out ? '.' : ''}${String(seg)}`;
    }
    node =
      node !== null && typeof node === 'object'
        ? (node as Record<PropertyKey, unknown>)[seg]
        : undefined;
    if (depth === 1 && path[0] === 'items' && node !== null && typeof node === 'object') {
      const code = (node as { code?: unknown }).code;
      if (typeof code === 'string') out += `（${code}）`;
    }
  });
  return out || '（根）';
}

const MAX_LISTED = 50;

function formatIssues(issues: readonly z.core.$ZodIssue[], input: unknown, what: string): string {
  // Catalog-wide checks report after the per-item ones; list problems in item order instead.
  const itemIndex = (iss: z.core.$ZodIssue) =>
    iss.path[0] === 'items' && typeof iss.path[1] === 'number' ? iss.path[1] : -1;
  const sorted = issues
    .map((iss, order) => ({ iss, order }))
    .sort((a, b) => itemIndex(a.iss) - itemIndex(b.iss) || a.order - b.order)
    .map(({ iss }) => iss);
  const lines = sorted
    .slice(0, MAX_LISTED)
    .map((iss) => `- ${formatPath(iss.path, input)}：${iss.message}`);
  if (sorted.length > MAX_LISTED) lines.push(`- ……另有 ${sorted.length - MAX_LISTED} 处问题未列出`);
  return `${what}校验失败（${issues.length} 处问题）：\n${lines.join('\n')}`;
}

/** Validates a catalog (parsed JSON). Unknown keys are dropped, so newer catalogs still load. */
export function parseCatalog(json: unknown): Result<Catalog> {
  const r = CatalogSchema.safeParse(json, { error: zhIssue });
  if (r.success) return ok(r.data);
  return fail('CATALOG_INVALID', formatIssues(r.error.issues, json, '服务事项目录'));
}

/** Validates one item, for tools that edit the catalog an item at a time. */
export function parseItem(json: unknown): Result<Item> {
  const r = ItemSchema.safeParse(json, { error: zhIssue });
  if (r.success) return ok(r.data);
  return fail('CATALOG_INVALID', formatIssues(r.error.issues, json, '服务事项'));
}
