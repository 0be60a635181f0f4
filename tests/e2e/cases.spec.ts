// The case list and the case page against a real hub: a Tianjin counter takes cases for a Beijing
// item (pushed by a Node-side device, since the intake screen is built elsewhere), and the Beijing
// and Tianjin counters, each in its own browser context, find them, open them and their attachment.
import { createHash } from 'node:crypto';
import { deflateSync, crc32 } from 'node:zlib';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import { makeCaseNumber } from '../../shared/case-number';
import { mod11_2CheckCharacter } from '../../shared/iso7064';
import type { Event, PayloadOf } from '../../shared/protocol/events';
import { TestDevice } from '../support/device';
import { closeContexts, enroll, hub, login, newCode, shot } from './support';

// Counters this test opened go offline with it, so none rings or syncs in the next test.
test.afterEach(({ browser }) => closeContexts(browser));

const NURSE_BJ = 'XK00101001-BJ'; // 护士执业注册（首次注册）, 5 working days, issues a certificate
const FUND_BJ = 'GG00406001-BJ'; // 住房公积金异地转移接续, 3 working days

/** A resident ID number with its GB 11643 check digit. */
const residentId = (first17: string) => first17 + mod11_2CheckCharacter(first17);

/** A small real PNG (a red bar on a grey field), so the viewer has an image to draw. */
function png(width: number, height: number): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = y * (width * 3 + 1) + 1 + x * 3;
      const bar = y > height / 3 && y < (2 * height) / 3;
      raw.set(bar ? [181, 36, 43] : [220, 220, 220], o);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** A one-page PDF with a correct cross-reference table. */
function pdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R >>',
    '<< /Length 32 >>\nstream\n0.7 0.1 0.2 rg 20 80 260 40 re f\nendstream',
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

function received(d: TestDevice, staffId: string, at: Date, over: Partial<PayloadOf<'case.received'>>): Event {
  d.cases += 1;
  const caseNo = makeCaseNumber({ deviceCode: d.info.deviceCode, at, dailyCount: d.cases });
  if (!caseNo.ok) throw new Error(caseNo.error.message);
  const e = d.event('case.received', uuidv7(), {
    caseNo: caseNo.value,
    itemCode: NURSE_BJ,
    applicant: { kind: 'person', name: '测试', idType: 'resident', idNumber: residentId('11010519900307123'), phone: '13800138000' },
    form: {},
    materials: [],
    intakeHallId: 'TJ',
    homeHallId: 'BJ',
    deliveryHallId: 'TJ',
    queryCode: '246810',
    ...over,
  }, staffId);
  return { ...e, at: at.toISOString() };
}

async function pushAll(d: TestDevice, events: Event[]): Promise<void> {
  const r = await d.push(events);
  expect(r.results.map((x) => x.status), JSON.stringify(r.results)).toEqual(events.map(() => 'accepted'));
}

const beijing = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);

async function counter(browser: Browser, hallId: string, username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await enroll(page, hallId);
  await login(page, username);
  await page.getByRole('menuitem', { name: '办件' }).click();
  return page;
}

const grid = (page: Page) => page.getByRole('grid', { name: '办件列表' });
const dataRows = (page: Page) => grid(page).getByRole('row').filter({ hasNot: page.getByRole('columnheader') });

test('cases from Tianjin show up in Beijing: list, search, filters, case page, timeline, attachment', async ({ browser }) => {
  test.setTimeout(120_000);
  const h = hub();
  // The Tianjin intake counter, on the Node side; a Beijing reviewer's device for the review events.
  const tj = await TestDevice.enroll(h.url, newCode('TJ'), '天津 推送测试');
  const tjClerk = (await tj.login('tj-clerk', h.password)).staff;
  await tj.connect();
  const bj = await TestDevice.enroll(h.url, newCode('BJ'), '北京 审核测试');
  const bjReviewer = (await bj.login('bj-reviewer', h.password)).staff;
  await bj.connect();

  const image = png(320, 200);
  const sha = createHash('sha256').update(image).digest('hex');
  const diploma = pdf();
  const pdfSha = createHash('sha256').update(diploma).digest('hex');
  for (const [hash, bytes] of [[sha, image], [pdfSha, diploma]] as const) {
    expect((await tj.request('PUT', `/api/v1/blobs/${hash}`, bytes, { 'content-type': 'application/octet-stream' })).status).toBe(201);
  }

  const idNumber = residentId('12010419880514321');
  const main = received(tj, tjClerk.staffId, new Date(), {
    itemName: '护士执业注册（首次注册）',
    promisedDays: 5,
    applicant: { kind: 'person', name: '赵书宁', idType: 'resident', idNumber, phone: '13912345678' },
    form: { practiceOrg: '北京协和医院', practiceOrgUscc: '91350100M000100Y43', examPassDate: '2026-05-20', education: '本科' },
    materials: [
      { materialId: 'id-card', provided: 'electronic', attachments: [{ sha256: sha, name: '身份证正面.png', mime: 'image/png', size: image.length }] },
      { materialId: 'diploma', provided: 'electronic', attachments: [{ sha256: pdfSha, name: '学历证书.pdf', mime: 'application/pdf', size: diploma.length }] },
      { materialId: 'exam-certificate', provided: 'copy', attachments: [] },
    ],
  });
  // Long overdue, on a fixed day before the supervision test's period (supervision-fixture.ts), whose
  // figures count every case the hub holds in that period.
  const old = received(tj, tjClerk.staffId, new Date('2026-09-01T02:00:00.000Z'), {
    itemCode: FUND_BJ,
    itemName: '住房公积金异地转移接续',
    promisedDays: 3,
    applicant: { kind: 'person', name: '钱多多', idType: 'resident', idNumber: residentId('13010219750101456'), phone: '' },
  });
  const approved = received(tj, tjClerk.staffId, new Date(), { applicant: { kind: 'person', name: '孙一鸣', idType: 'resident', idNumber: residentId('13060219920202789'), phone: '' } });
  await pushAll(tj, [main, old, approved, tj.event('case.note_added', main.caseId, { text: '申请人原件已核验' }, tjClerk.staffId)]);
  await pushAll(bj, [
    bj.event('case.review_started', main.caseId, {}, bjReviewer.staffId),
    bj.event('case.review_started', approved.caseId, {}, bjReviewer.staffId),
    bj.event('case.approved', approved.caseId, { note: '材料齐全' }, bjReviewer.staffId),
  ]);
  const caseNo = (e: Event) => (e as Extract<Event, { type: 'case.received' }>).payload.caseNo;

  // The Tianjin counter (the intake hall) sees its cases too.
  const tjPage = await counter(browser, 'TJ', 'tj-clerk');
  await expect(grid(tjPage).getByRole('row', { name: new RegExp(caseNo(main)) })).toBeVisible({ timeout: 20_000 });

  // Beijing, the home hall: the list, newest first, ID numbers masked, the pending marker absent.
  const page = await counter(browser, 'BJ', 'bj-reviewer');
  await expect(page.getByRole('textbox', { name: '搜索办件' })).toBeFocused();
  const mainRow = grid(page).getByRole('row', { name: new RegExp(caseNo(main)) });
  await expect(mainRow).toBeVisible({ timeout: 20_000 });
  await expect(mainRow).toContainText('120104********' + idNumber.slice(14));
  await expect(grid(page)).not.toContainText(idNumber);
  await expect(mainRow).toContainText('审核中');
  await expect(mainRow).toContainText('天津 / 北京 / 天津');
  await expect(mainRow).not.toContainText('待同步');
  await expect(grid(page).getByRole('row', { name: new RegExp(caseNo(old)) })).toContainText('已超期');
  await shot(page, 'cases-list');

  // Search by case number (any case), name prefix, and ID number (whole or prefix).
  const search = page.getByRole('textbox', { name: '搜索办件' });
  for (const q of [caseNo(main).toLowerCase(), '赵书', idNumber, idNumber.slice(0, 10)]) {
    await search.fill(q);
    await expect(dataRows(page)).toHaveCount(1);
    await expect(dataRows(page).first()).toContainText(caseNo(main));
  }
  await search.fill('不存在的人');
  await expect(grid(page)).toContainText('没有符合条件的办件');

  // This test's cases (the hub may hold others'), newest first; then the deadline and state filters.
  const ours = `${tj.info.deviceCode}-`.toLowerCase();
  await search.fill(ours);
  await expect(dataRows(page)).toHaveCount(3);
  await expect(dataRows(page).last()).toContainText(caseNo(old));
  await page.getByRole('combobox', { name: '办结期限' }).click();
  await page.getByRole('option', { name: '已超期', exact: true }).click();
  await expect(dataRows(page)).toHaveCount(1);
  await expect(dataRows(page).first()).toContainText(caseNo(old));
  await page.getByRole('button', { name: '清除筛选' }).click();
  await expect(search).toHaveValue('');
  await search.fill(ours);
  await page.getByRole('combobox', { name: '状态' }).click();
  await page.getByRole('option', { name: '证照已签发' }).click();
  await page.keyboard.press('Escape');
  await expect(dataRows(page)).toHaveCount(1);
  await expect(dataRows(page).first()).toContainText(caseNo(approved));
  await page.getByRole('button', { name: '清除筛选' }).click();

  // Keyboard: arrows move the selection, Enter opens it.
  await search.fill(ours);
  await expect(dataRows(page)).toHaveCount(3);
  await expect(dataRows(page).first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(dataRows(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await search.fill('赵书宁');
  await expect(dataRows(page)).toHaveCount(1);
  await page.keyboard.press('Enter');

  // The case page: data masked until 显示, form under catalog labels, halls, deadline, timeline.
  await expect(page.getByRole('heading', { name: `办件 ${caseNo(main)}` })).toBeVisible();
  await expect(page.getByLabel('证件号码')).toHaveText('120104********' + idNumber.slice(14));
  await expect(page.getByText('139****5678')).toBeVisible();
  await page.getByRole('button', { name: '显示', exact: true }).click();
  await expect(page.getByLabel('证件号码')).toHaveText(idNumber);
  await expect(page.getByText('13912345678')).toBeVisible();
  await page.getByRole('button', { name: '隐藏', exact: true }).click();
  await expect(page.getByLabel('证件号码')).not.toHaveText(idNumber);
  await expect(page.getByText('赵书宁（个人）')).toBeVisible();
  for (const text of ['拟执业医疗卫生机构', '北京协和医院', '护理专业学历', '本科', '居民身份证', '电子件', '护理或助产专业学历证书', '复印件', '承诺 5 个工作日', '正常', '审核中']) {
    await expect(page.getByRole('main').getByText(text).filter({ visible: true }).first()).toBeVisible();
  }
  await expect(page.getByText('天津市政务服务中心').filter({ visible: true }).first()).toBeVisible();
  const timeline = page.getByRole('main');
  // Staff of another hall are named from the hub's staff directory.
  await expect(timeline.getByLabel('受理记录')).toContainText(`${beijing(main.at)} · 李静 · 天津市政务服务中心`);
  await expect(timeline.getByTitle(`工作人员编号 ${tjClerk.staffId}`).first()).toBeVisible();
  await expect(timeline.getByLabel('添加备注记录')).toContainText('申请人原件已核验');
  await expect(timeline.getByLabel('开始审核记录')).toContainText('张伟 · 北京市政务服务中心');
  await shot(page, 'case-page');

  // The attachment: not on this counter, so read from the hub with the session's token.
  await page.getByRole('button', { name: '身份证正面.png' }).click();
  const viewer = page.getByRole('dialog', { name: '身份证正面.png' });
  const img = viewer.getByRole('img', { name: '身份证正面.png' });
  await expect(img).toBeVisible();
  expect(await img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth)).toBe(320);
  await expect(viewer).toContainText('自中心读取');
  await shot(page, 'case-attachment');
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();
  await page.getByRole('button', { name: '学历证书.pdf' }).click();
  const pdfViewer = page.getByRole('dialog', { name: '学历证书.pdf' });
  await expect(pdfViewer.getByTitle('学历证书.pdf')).toBeVisible();
  await expect(pdfViewer.getByRole('link', { name: '下载' })).toBeVisible();
  await shot(page, 'case-attachment-pdf');
  await page.keyboard.press('Escape');
  await expect(pdfViewer).toBeHidden();

  // The hub's own event (the certificate) is 系统's.
  await page.getByRole('button', { name: '返回办件列表' }).click();
  await expect(search).toHaveValue('赵书宁');
  // Enter at once, before the search settles, opens what the new search finds.
  await search.fill(caseNo(approved));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: `办件 ${caseNo(approved)}` })).toBeVisible();
  await expect(page.getByLabel('签发证照记录')).toContainText('系统 · 北京市政务服务中心');
  await expect(page.getByLabel('审核通过记录')).toContainText('审核意见：材料齐全');

  tj.close();
  bj.close();
});
