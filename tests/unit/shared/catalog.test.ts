// The service catalog: the shipped JSON passes the schema and covers the region; bad items are refused by name.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  FIELD_KINDS,
  ITEM_TYPES,
  ITEM_TYPE_KEYS,
  ItemSchema,
  parseCatalog,
  parseItem,
  parseItemCode,
  type Catalog,
  type Item,
} from '../../../shared/catalog/item-schema';

const CATALOG_URL = new URL('../../../resources/catalog/catalog.json', import.meta.url);
const raw: unknown = JSON.parse(readFileSync(CATALOG_URL, 'utf8'));

function loadCatalog(): Catalog {
  const r = parseCatalog(raw);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const clone = <T>(v: T): T => structuredClone(v);

/** Expects the item to be refused, with every fragment in the message, and returns the message. */
function refused(item: unknown, ...fragments: string[]): string {
  const r = parseItem(item);
  expect(r.ok, `expected a refusal containing ${fragments.join(' / ')}`).toBe(false);
  if (r.ok) return '';
  expect(r.error.code).toBe('CATALOG_INVALID');
  for (const f of fragments) expect(r.error.message).toContain(f);
  return r.error.message;
}

describe('resources/catalog/catalog.json', () => {
  const catalog = loadCatalog();
  const items = catalog.items;

  it('passes the catalog schema as a whole', () => {
    const r = parseCatalog(raw);
    expect(r.ok ? 'ok' : r.error.message).toBe('ok');
    expect(catalog.version).toMatch(/^\d{4}\.\d{1,2}\.\d+$/);
  });

  it('passes the item schema item by item', () => {
    const rawItems = (raw as { items: unknown[] }).items;
    for (const item of rawItems) {
      const r = ItemSchema.safeParse(item);
      expect(r.success, `${(item as { code?: string }).code}: ${r.error?.message ?? ''}`).toBe(
        true,
      );
    }
  });

  it('has no unknown, misspelled or untrimmed keys and values (parsing changes nothing)', () => {
    expect(catalog).toEqual(raw);
  });

  it('has at least 44 items, at least 10 for each of the four home halls', () => {
    expect(items.length).toBeGreaterThanOrEqual(44);
    const byHall = new Map<string, number>();
    for (const i of items) byHall.set(i.homeHallId, (byHall.get(i.homeHallId) ?? 0) + 1);
    for (const hall of ['BJ', 'TJ', 'SJZ', 'XA']) {
      expect(byHall.get(hall) ?? 0, hall).toBeGreaterThanOrEqual(10);
    }
    expect([...byHall.keys()].sort()).toEqual(['BJ', 'SJZ', 'TJ', 'XA']);
  });

  it('names an authority of the home hall’s own region', () => {
    const region: Record<string, RegExp> = {
      BJ: /北京/,
      TJ: /天津/,
      SJZ: /河北|石家庄/,
      XA: /雄安/,
    };
    for (const i of items) expect(i.authority, i.code).toMatch(region[i.homeHallId] ?? /^$/);
  });

  it('spans at least 6 of the 11 item types', () => {
    const types = new Set(items.map((i) => i.type));
    expect(types.size).toBeGreaterThanOrEqual(6);
    for (const t of types) expect(ITEM_TYPES).toContain(t);
    expect(types).toContain('行政许可');
    expect(types).toContain('公共服务');
    expect(types).toContain('行政给付');
  });

  it('gives every item a code whose type key and hall suffix match the item', () => {
    for (const i of items) {
      const parts = parseItemCode(i.code);
      expect(parts, i.code).not.toBeNull();
      expect(parts?.type).toBe(i.type);
      expect(parts?.typeKey).toBe(ITEM_TYPE_KEYS[i.type]);
      expect(parts?.homeHallId).toBe(i.homeHallId);
    }
    expect(new Set(items.map((i) => i.code)).size).toBe(items.length);
  });

  it('shares basic codes across halls for the same service, with the same name, type and basis', () => {
    const byBasic = new Map<string, Item[]>();
    for (const i of items) {
      const basic = parseItemCode(i.code)?.basicCode ?? '';
      byBasic.set(basic, [...(byBasic.get(basic) ?? []), i]);
    }
    const shared = [...byBasic.values()].filter((group) => group.length > 1);
    expect(shared.length).toBeGreaterThanOrEqual(5);
    for (const group of shared) {
      const [first, ...rest] = group;
      for (const other of rest) {
        expect(other.name).toBe(first?.name);
        expect(other.type).toBe(first?.type);
        expect(other.legalBasis).toBe(first?.legalBasis);
        expect(other.homeHallId).not.toBe(first?.homeHallId);
      }
    }
  });

  it('cites a named law or regulation as the legal basis of every item', () => {
    for (const i of items) expect(i.legalBasis, i.code).toMatch(/《[^》]+》/);
  });

  it('promises no more than the legal time limit, and usually much less', () => {
    for (const i of items) expect(i.promisedDays, i.code).toBeLessThanOrEqual(i.legalDays);
    const faster = items.filter((i) => i.promisedDays < i.legalDays);
    expect(faster.length / items.length).toBeGreaterThan(0.8);
  });

  it('charges nothing for almost every item, and explains every fee', () => {
    const free = items.filter((i) => i.fee.amount === 0);
    expect(free.length / items.length).toBeGreaterThan(0.9);
    for (const i of items.filter((x) => x.fee.amount > 0)) expect(i.fee.note, i.code).toBeTruthy();
  });

  it('asks for 2 to 8 form fields per item and uses every field kind across the catalog', () => {
    for (const i of items) {
      expect(i.fields.length, i.code).toBeGreaterThanOrEqual(2);
      expect(i.fields.length, i.code).toBeLessThanOrEqual(8);
    }
    const kinds = new Set(items.flatMap((i) => i.fields.map((f) => f.kind)));
    expect([...kinds].sort()).toEqual([...FIELD_KINDS].sort());
    for (const f of items.flatMap((i) => i.fields).filter((x) => x.kind === 'select')) {
      expect(f.options?.length ?? 0, f.name).toBeGreaterThanOrEqual(1);
    }
  });

  it('lists materials in all three forms, with at least one required material per item', () => {
    const forms = new Set(items.flatMap((i) => i.materials.flatMap((m) => m.forms)));
    expect([...forms].sort()).toEqual(['copy', 'electronic', 'original']);
    for (const i of items)
      expect(
        i.materials.some((m) => m.required),
        i.code,
      ).toBe(true);
  });

  it('serves both persons and enterprises', () => {
    const kinds = new Set(items.flatMap((i) => i.applicantKinds));
    expect([...kinds].sort()).toEqual(['enterprise', 'person']);
  });

  it('issues certificates for some items and none for others', () => {
    const issuing = items.filter((i) => i.certificate !== null);
    expect(issuing.length).toBeGreaterThan(10);
    expect(items.length - issuing.length).toBeGreaterThan(3);
    const byName = new Map(issuing.map((i) => [i.certificate?.name, i.certificate]));
    expect(byName.get('护士执业证书')?.validYears).toBe(5);
    expect(byName.get('食品经营许可证')?.validYears).toBe(5);
    expect(byName.has('营业执照')).toBe(true);
    expect(byName.has('社会保障卡')).toBe(true);
    for (const i of issuing) expect(i.certificate?.template, i.code).toMatch(/^[a-z][a-z0-9-]*$/);
  });
});

describe('parseItemCode', () => {
  it('splits a code into basic code, type and hall', () => {
    expect(parseItemCode('XK00101001-TJ')).toEqual({
      basicCode: 'XK00101001',
      typeKey: 'XK',
      type: '行政许可',
      mainCode: '00101',
      subCode: '001',
      homeHallId: 'TJ',
    });
    expect(parseItemCode('GG00405001-SJZ')?.type).toBe('公共服务');
    expect(parseItemCode('QT00502001-ABCDEF')?.homeHallId).toBe('ABCDEF');
  });

  it('refuses malformed codes', () => {
    for (const bad of [
      '',
      'XK00101001',
      'XK0010100-TJ',
      'XK001010011-TJ',
      'XX00101001-TJ',
      'xk00101001-TJ',
      'XK00101001-tj',
      'XK00101001-T',
      'XK00101001-ABCDEFG',
      'XK00000001-TJ',
      ' XK00101001-TJ',
    ]) {
      expect(parseItemCode(bad), bad).toBeNull();
    }
  });
});

describe('the item schema refuses', () => {
  const good: Item = clone(loadCatalog().items.find((i) => i.code === 'XK00101001-BJ') as Item);

  it('nothing in the reference item', () => {
    expect(parseItem(good).ok).toBe(true);
  });

  it('a promise longer than the legal limit', () => {
    refused(
      { ...good, legalDays: 5, promisedDays: 6 },
      'promisedDays',
      '承诺办结时限（6 个工作日）不能超过法定办结时限（5 个工作日）',
    );
    expect(parseItem({ ...good, legalDays: 5, promisedDays: 5 }).ok).toBe(true);
    expect(parseItem({ ...good, promisedDays: 0 }).ok).toBe(true);
  });

  it('non-integer or out-of-range time limits', () => {
    refused({ ...good, legalDays: 2.5 }, 'legalDays', '法定办结时限应为整数');
    refused({ ...good, legalDays: 0 }, 'legalDays', '至少 1 个工作日');
    refused({ ...good, promisedDays: -1 }, 'promisedDays', '不能为负数');
    refused({ ...good, legalDays: '20' }, 'legalDays', '法定办结时限应为整数');
  });

  it('a material id used twice', () => {
    const item = clone(good);
    item.materials.push({ ...item.materials[0]!, name: '另一份身份证明' });
    refused(
      item,
      `materials[${item.materials.length - 1}].materialId`,
      '材料编号 application-form 在本事项中重复',
    );
  });

  it('a field name used twice', () => {
    const item = clone(good);
    item.fields.push({ name: 'practiceOrg', label: '另一个机构', kind: 'text', required: false });
    refused(item, `fields[${item.fields.length - 1}].name`, '字段名 practiceOrg 在本事项中重复');
  });

  it('a select field without options, or with empty or repeated options', () => {
    const noOptions = clone(good);
    noOptions.fields[3] = {
      name: 'education',
      label: '护理专业学历',
      kind: 'select',
      required: true,
    };
    refused(noOptions, 'fields[3].options', '下拉选择字段“护理专业学历”必须提供选项');
    const empty = clone(good);
    empty.fields[3] = { ...empty.fields[3]!, options: [] };
    refused(empty, 'fields[3].options', '必须提供选项');
    const repeated = clone(good);
    repeated.fields[3] = { ...repeated.fields[3]!, options: ['本科', '本科'] };
    refused(repeated, 'fields[3].options[1]', '选项“本科”重复');
  });

  it('options on a field that is not a select', () => {
    const item = clone(good);
    item.fields[0] = { ...item.fields[0]!, options: ['甲医院'] };
    refused(item, 'fields[0].options', '只有下拉选择（select）字段可以有选项');
  });

  it('an unknown field kind and a malformed field name', () => {
    refused(
      { ...good, fields: [{ name: 'email', label: '电子邮箱', kind: 'email', required: false }] },
      'fields[0].kind',
      '字段类型只能是',
    );
    refused(
      { ...good, fields: [{ name: 'Practice Org', label: '机构', kind: 'text', required: true }] },
      'fields[0].name',
      '小驼峰',
    );
  });

  it('a home hall that is not a hall id', () => {
    refused({ ...good, homeHallId: 'bj' }, 'homeHallId', '办理地大厅编号应为 2–6 位大写字母');
    refused({ ...good, homeHallId: 'BEIJING1' }, 'homeHallId', '办理地大厅编号');
  });

  it('but accepts a hall an admin added, when the code carries it', () => {
    expect(parseItem({ ...good, homeHallId: 'BD', code: 'XK00101001-BD' }).ok).toBe(true);
  });

  it('a malformed code', () => {
    refused({ ...good, code: '11110000000021135W3000117007000' }, 'code', '事项编码格式应为');
    refused({ ...good, code: 'XK-00101001-BJ' }, 'code', '事项编码格式应为');
    refused({ ...good, code: 'XK00000001-BJ' }, 'code', '主项代码不能为 00000');
  });

  it('a code whose type key or hall suffix disagrees with the item', () => {
    refused(
      { ...good, code: 'GG00101001-BJ' },
      'code',
      '类型代码 GG（公共服务）与事项类型“行政许可”（XK）不符',
    );
    refused({ ...good, code: 'XK00101001-TJ' }, 'code', '大厅后缀 TJ 与办理地大厅 BJ 不符');
  });

  it('a type outside the 11 kinds', () => {
    refused({ ...good, type: '行政备案' }, 'type', '事项类型只能是 行政许可、行政给付');
    refused({ ...good, type: 'XK' }, 'type', '事项类型只能是');
  });

  it('a missing or empty required property', () => {
    const { name: _name, ...noName } = good;
    refused(noName, 'name', '缺少事项名称');
    refused({ ...good, legalBasis: '  ' }, 'legalBasis', '设定依据不能为空');
    refused({ ...good, authority: '' }, 'authority', '实施机关不能为空');
    const { certificate: _certificate, ...noCertificate } = good;
    refused(noCertificate, 'certificate', '缺少此项');
  });

  it('bad applicant kinds', () => {
    refused({ ...good, applicantKinds: [] }, 'applicantKinds', '至少要有一种申请人类型');
    refused({ ...good, applicantKinds: ['robot'] }, 'applicantKinds[0]', '申请人类型只能是');
    refused(
      { ...good, applicantKinds: ['person', 'person'] },
      'applicantKinds[1]',
      '申请人类型 person 重复',
    );
  });

  it('bad material forms, counts and lists', () => {
    const m0 = good.materials[0]!;
    refused(
      { ...good, materials: [{ ...m0, forms: ['scan'] }] },
      'materials[0].forms[0]',
      '材料形式只能是',
    );
    refused(
      { ...good, materials: [{ ...m0, forms: [] }] },
      'materials[0].forms',
      '至少要允许一种形式',
    );
    refused(
      { ...good, materials: [{ ...m0, forms: ['copy', 'copy'] }] },
      'materials[0].forms[1]',
      '材料形式“复印件”重复',
    );
    refused(
      { ...good, materials: [{ ...m0, count: 0 }] },
      'materials[0].count',
      '材料份数至少为 1',
    );
    refused(
      { ...good, materials: [{ ...m0, materialId: 'ID Card' }] },
      'materials[0].materialId',
      '材料编号只能由小写字母',
    );
    refused(
      { ...good, materials: [{ ...m0, required: 'yes' }] },
      'materials[0].required',
      '应为是或否（true / false）',
    );
    refused({ ...good, materials: [] }, 'materials', '事项至少需要一项申请材料');
  });

  it('a bad fee', () => {
    refused({ ...good, fee: { amount: -1 } }, 'fee.amount', '收费金额不能为负数');
    refused({ ...good, fee: { amount: 1.234 } }, 'fee.amount', '最多精确到分');
    refused({ ...good, fee: 0 }, 'fee', '应为对象');
    expect(parseItem({ ...good, fee: { amount: 120.5, note: '工本费' } }).ok).toBe(true);
  });

  it('a certificate that copies a field the form does not have, or has a bad validity', () => {
    const cert = good.certificate!;
    refused(
      { ...good, certificate: { ...cert, fields: ['hospitalName'] } },
      'certificate.fields[0]',
      '证照字段 hospitalName 不是本事项的表单字段',
    );
    refused(
      { ...good, certificate: { ...cert, validYears: 0 } },
      'certificate.validYears',
      '证照有效期至少 1 年',
    );
    refused(
      { ...good, certificate: { ...cert, validYears: 2.5 } },
      'certificate.validYears',
      '证照有效期（年）应为整数',
    );
    refused(
      { ...good, certificate: { ...cert, template: 'Nurse License' } },
      'certificate.template',
      '证照模板编号',
    );
    expect(parseItem({ ...good, certificate: null }).ok).toBe(true);
    expect(parseItem({ ...good, certificate: { name: '护士执业证书' } }).ok).toBe(true);
  });

  it('something that is not an item at all', () => {
    refused(null, '（根）');
    refused('护士执业注册', '（根）', '应为对象');
  });
});

describe('parseCatalog refuses', () => {
  const base = (): Catalog => clone(loadCatalog());

  function catalogRefused(json: unknown, ...fragments: string[]): string {
    const r = parseCatalog(json);
    expect(r.ok).toBe(false);
    if (r.ok) return '';
    expect(r.error.code).toBe('CATALOG_INVALID');
    expect(r.error.message).toMatch(/^服务事项目录校验失败（\d+ 处问题）：/);
    for (const f of fragments) expect(r.error.message).toContain(f);
    return r.error.message;
  }

  it('a code used twice', () => {
    const c = base();
    c.items.push(clone(c.items[0]!));
    catalogRefused(
      c,
      `items[${c.items.length - 1}]（XK00101001-BJ）.code`,
      '事项编码 XK00101001-BJ 在目录中重复',
    );
  });

  it('a basic code shared by items that disagree on name, type or basis', () => {
    const c = base();
    const xa = c.items.findIndex((i) => i.code === 'XK00101001-XA');
    c.items[xa] = { ...c.items[xa]!, name: '护士首次注册', legalBasis: '《护士条例》' };
    const msg = catalogRefused(
      c,
      `items[${xa}]（XK00101001-XA）.name`,
      '基本编码 XK00101001 相同的事项名称必须一致',
      '设定依据必须一致',
    );
    expect(msg).toContain('XK00101001-BJ 为“护士执业注册（首次注册）”');
  });

  it('a bad version, no items, or not a catalog at all', () => {
    catalogRefused({ ...base(), version: '' }, 'version', '目录版本');
    catalogRefused({ version: '2026.11.1', items: [] }, 'items', '目录至少需要一个事项');
    catalogRefused({ version: '2026.11.1' }, 'items', '缺少此项');
    catalogRefused([], '（根）');
    catalogRefused(null, '（根）');
  });

  it('listing every problem with its path and the item’s code', () => {
    const c = base();
    c.items[0] = { ...c.items[0]!, promisedDays: 99 };
    c.items[1] = { ...c.items[1]!, type: '行政备案' as Item['type'] };
    c.items.push({ ...clone(c.items[2]!) });
    const msg = catalogRefused(
      c,
      '（3 处问题）',
      `items[0]（${c.items[0].code}）.promisedDays：承诺办结时限（99 个工作日）不能超过法定办结时限`,
      `items[1]（${c.items[1].code}）.type：事项类型只能是`,
      `items[${c.items.length - 1}]（${c.items[2]!.code}）.code：事项编码 ${c.items[2]!.code} 在目录中重复`,
    );
    expect(msg.split('\n')).toHaveLength(4);
  });

  it('listing at most 50 problems, and saying how many more there are', () => {
    const c = base();
    for (const item of c.items) item.promisedDays = item.legalDays + 1;
    const msg = catalogRefused(
      c,
      `（${c.items.length} 处问题）`,
      `……另有 ${c.items.length - 50} 处问题未列出`,
    );
    expect(msg.split('\n')).toHaveLength(52);
  });

  it('and drops keys it does not know, so a newer catalog still loads', () => {
    const c = base() as Catalog & { publishedAt?: string };
    c.publishedAt = '2026-11-01';
    (c.items[0] as Item & { onlineUrl?: string }).onlineUrl = 'https://example.gov.cn';
    const r = parseCatalog(c);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect('publishedAt' in r.value).toBe(false);
      expect('onlineUrl' in (r.value.items[0] ?? {})).toBe(false);
    }
  });
});
