// Supervision end to end, in the plain browser (the web bridge) against a real hub: a region
// supervisor's dashboard over cases pushed by four halls gives the figures worked out by hand from
// those events; each figure leads to its cases and to a case; a list exports to Excel; a flag
// reaches the home hall's queue and is answered; the dashboard prints. Then a bad rating at the
// counter opens a rectification that the hall reports, the supervisor sends back, the hall
// reports again and the supervisor closes.
import ExcelJS from 'exceljs';
import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { idbRows, intakeHousingFundProof, menu, openFromQueue, prints, recordPrints, shot, synced } from './counter';
import { approveAsBeijing, PERIOD, pushFixture, refusals, type Fixture } from './supervision-fixture';
import { enroll, hub, login, newCode } from './support';

test.use({ viewport: { width: 1440, height: 900 } });

async function counter(browser: Browser, hallId: string, user: string, name: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  await recordPrints(context);
  const page = await context.newPage();
  await enroll(page, hallId, name);
  await login(page, user);
  return { context, page };
}

/** A region supervisor's machine: enrolled with a region code, as `enroll-code --scope region` makes. */
async function regionSupervisor(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  await recordPrints(context);
  const page = await context.newPage();
  await page.goto(hub().url);
  await page.getByLabel('注册码').fill(newCode('BJ', 'region'));
  await page.getByLabel('本机名称').fill('区域督查 1 号机');
  await page.getByRole('button', { name: '注册', exact: true }).click();
  await login(page, 'bj-supervisor');
  return { context, page };
}

const figure = (page: Page | Locator, name: string) => page.getByRole('button', { name, exact: true });

async function choosePeriod(page: Page, from: string, to: string): Promise<void> {
  const start = page.getByPlaceholder('开始日期');
  await start.click();
  await start.fill(from);
  await start.press('Enter');
  const end = page.getByPlaceholder('结束日期');
  await end.fill(to);
  await end.press('Enter');
  await expect(page.getByRole('radio', { name: '自定义' })).toBeChecked();
}


const listed = (page: Page) => page.getByRole('table', { name: '办件清单' }).getByRole('row');

test('a region supervisor’s dashboard counts what the halls did, and every figure leads to its cases', async ({ browser }) => {
  test.setTimeout(240_000);
  const fixture: Fixture = await pushFixture();
  const { A, B, C, D, E, F } = fixture;
  // The hub applies the contract's rules to ratings and rectifications as every counter does.
  expect(await refusals(fixture)).toEqual({
    notServedHere: { code: 'FORBIDDEN', message: '本厅与该办件的关系不允许此操作' },
    handoverBeforeDelivery: { code: 'INVALID_TRANSITION', message: '证照交付之后才能评价交付环节' },
    badWithoutDeadline: { code: 'INVALID_EVENT', message: '不满意、非常不满意的评价须给出整改期限' },
    clerkCloses: { code: 'FORBIDDEN', message: '您的岗位无权进行此操作' },
  });
  const sup = await regionSupervisor(browser);
  const page = sup.page;
  await menu(page, '督查');
  await expect(page.getByText('区域督查设备：全部营业厅的办件')).toBeVisible();
  await choosePeriod(page, PERIOD.from, PERIOD.to);
  // The supervisor's counter pulls the region feed; the figures settle once all eight cases are in.
  await expect(figure(page, '受理：8 件')).toBeVisible({ timeout: 60_000 });
  // By state: E waits for review, D is in review, F waits for correction, G refused, A B C delivered, H withdrawn.
  for (const name of ['待审核：1 件', '审核中：1 件', '待补正：1 件', '已通过（未交付）：0 件', '不予办理：1 件', '已交付：3 件', '已撤回：1 件']) {
    await expect(figure(page, name)).toBeVisible();
  }
  // D (due 10-15) and E (due 10-21) are overdue; F stopped its clock with 2 of 3 days left.
  await expect(figure(page, '已超期：2 件')).toBeVisible();
  await expect(figure(page, '临期：1 件')).toBeVisible();
  await expect(figure(page, '督办未答复：0 件')).toBeVisible();
  // Flows: Tianjin took A, B, E, H for Beijing; Beijing took D, G for Tianjin; C and F one each.
  const flows = page.getByRole('table', { name: '流向明细' });
  await expect(flows.getByRole('row')).toHaveCount(5);
  await expect(figure(flows, '天津市政务服务中心受理、北京市政务服务中心主管：4 件')).toBeVisible();
  await expect(figure(flows, '北京市政务服务中心受理、天津市政务服务中心主管：2 件')).toBeVisible();
  await expect(figure(flows, '河北省政务服务中心（石家庄）受理、天津市政务服务中心主管：1 件')).toBeVisible();
  await expect(figure(flows, '雄安新区政务服务中心受理、河北省政务服务中心（石家庄）主管：1 件')).toBeVisible();
  // Durations: A 2, B 4 (Tianjin: mean 3, 90th percentile 4), C 3 (Shijiazhuang).
  const byHall = page.getByRole('table', { name: '各受理厅办理用时' });
  await expect(byHall.getByRole('row', { name: /天津市政务服务中心/ })).toContainText(/2\s*3\s*4$/);
  await expect(byHall.getByRole('row', { name: /石家庄/ })).toContainText(/1\s*3\s*3$/);
  await expect(page.getByRole('region', { name: '办理用时' })).toContainText('全部已交付 3 件，平均 3，90% 分位 4 个工作日');
  // Ratings: Tianjin 非常满意 (A) and 不满意 (B) → 50.0%; Shijiazhuang 满意 (C) → 100.0%; all 2 of 3.
  await expect(page.getByLabel('天津市政务服务中心满意率 50.0%')).toBeVisible();
  await expect(page.getByLabel('河北省政务服务中心（石家庄）满意率 100.0%')).toBeVisible();
  await expect(page.getByRole('region', { name: '好差评' })).toContainText('评价 3 条，满意率 66.7%');
  // B's rectification, due 11-20, never reported: open and overdue.
  const rect = page.getByRole('table', { name: '各营业厅整改情况' });
  await expect(figure(rect, '天津市政务服务中心超期未整改：1 项')).toBeVisible();
  await expect(figure(rect, '合计未办结整改：1 项')).toBeVisible();
  // One hall: Shijiazhuang is in C (intake and delivery) and F (home).
  await page.getByRole('checkbox', { name: '石家庄' }).check();
  await expect(figure(page, '受理：2 件')).toBeVisible();
  await shot(page, 'supervision-dashboard-one-hall');
  await page.getByRole('checkbox', { name: '石家庄' }).uncheck();
  await expect(figure(page, '受理：8 件')).toBeVisible();
  await shot(page, 'supervision-dashboard');

  // The dashboard prints through the bridge: the same figures, as tables.
  await page.getByRole('button', { name: '打印统计表' }).click();
  await expect.poll(async () => (await prints(page)).length).toBe(1);
  const printed = (await prints(page))[0]!;
  expect(printed.title).toContain('跨区域通办督查统计');
  expect(printed.html).toContain(`统计期间：${PERIOD.from} 至 ${PERIOD.to}`);
  expect(printed.html).toMatch(/<td>8<\/td><td>1<\/td><td>1<\/td><td>1<\/td><td>0<\/td><td>1<\/td><td>3<\/td><td>1<\/td><td>1<\/td><td>2<\/td><td>0<\/td>/);
  expect(printed.html).toContain('<img src="data:image/png;base64,');

  // From a figure to its cases: the three delivered, newest first, with their working days.
  await figure(page, '已交付：3 件').click();
  await expect(page.getByRole('heading', { name: '已交付的办件' })).toBeVisible();
  await expect(page.getByRole('status', { name: '清单数量' })).toHaveText('共 3 件');
  await expect(listed(page)).toHaveCount(4);
  // Newest first: C (11-16), B (11-09), A (11-02); the ninth column is the working days taken.
  for (const [n, c, days] of [
    [1, C, '3'],
    [2, B, '4'],
    [3, A, '2'],
  ] as const) {
    await expect(listed(page).nth(n).getByRole('cell').first()).toHaveText(c.caseNo);
    await expect(listed(page).nth(n).getByRole('cell').nth(3)).toHaveText('已交付');
    await expect(listed(page).nth(n).getByRole('cell').nth(8)).toHaveText(days);
  }
  await shot(page, 'supervision-list-delivered');

  // The list exports to Excel with Chinese headers, one row per case.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^已交付的办件-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile((await file.path())!);
  const sheet = book.getWorksheet('办件清单')!;
  expect(sheet.getCell('A1').value).toBe('已交付的办件');
  expect(String(sheet.getCell('A2').value)).toContain(`统计期间：${PERIOD.from} 至 ${PERIOD.to}`);
  const header = (sheet.getRow(3).values as unknown[]).slice(1);
  expect(header).toEqual(['办件编号', '事项编码', '事项名称', '申请人', '办件状态', '受理厅', '主管厅', '交付厅', '受理时间', '承诺办结期限', '办理用时（工作日）', '评价', '整改', '督办未答复']);
  const rows = [4, 5, 6].map((n) => (sheet.getRow(n).values as unknown[]).slice(1));
  expect(sheet.rowCount).toBe(6);
  expect(rows.map((r) => [r[0], r[4], r[10]])).toEqual([
    [C.caseNo, '已交付', 3],
    [B.caseNo, '已交付', 4],
    [A.caseNo, '已交付', 2],
  ]);
  expect(rows[1]![11]).toBe('交付：不满意（天津市政务服务中心）');
  expect(rows[1]![12]).toBe('天津市政务服务中心：待整改，期限 2026-11-20（已超期）');
  expect(rows[0]![5]).toBe('河北省政务服务中心（石家庄）');

  // Back to the figures, to the overdue cases, to one case: the supervisor notes and flags it.
  await page.getByRole('button', { name: '返回督查统计' }).click();
  await figure(page, '已超期：2 件').click();
  await expect(page.getByRole('heading', { name: '已超期的办件' })).toBeVisible();
  await expect(listed(page)).toHaveCount(3);
  await expect(listed(page).nth(1)).toContainText(E.caseNo);
  await expect(listed(page).nth(2)).toContainText(D.caseNo);
  await expect(listed(page).nth(2)).toContainText('2026-10-15 已超期');
  await listed(page).nth(2).getByRole('button', { name: D.caseNo }).click();
  await expect(page.getByRole('heading', { name: `办件 ${D.caseNo}` })).toBeVisible();
  const actions = page.getByRole('group', { name: '可进行的操作' });
  // A supervisor decides nothing: notes and flags only.
  await expect(actions.getByRole('button')).toHaveText(['添加备注']);
  await actions.getByRole('button', { name: '添加备注' }).click();
  const note = page.getByRole('dialog', { name: '添加备注' });
  await note.getByRole('textbox', { name: '备注' }).fill('督查：已超期 28 个工作日，请天津说明原因');
  await note.getByRole('button', { name: '保存备注' }).click();
  await expect(note).toBeHidden();
  await page.getByRole('button', { name: '督办', exact: true }).click();
  const flag = page.getByRole('dialog', { name: '督办' });
  await flag.getByRole('button', { name: '发出督办' }).click();
  await expect(flag.getByText('请填写督办事由')).toBeVisible();
  await flag.getByRole('textbox', { name: '督办事由' }).fill('已超过承诺期限，请于今日办结并说明原因');
  await flag.getByRole('button', { name: '发出督办' }).click();
  await expect(flag).toBeHidden();
  await expect(page.getByRole('group', { name: '督办' })).toContainText('督办待答复');
  await expect(page.getByLabel('督办记录')).toBeVisible();
  await synced(page);
  await shot(page, 'supervision-case-flagged');
  // The dashboard counts the flag at once, from this counter's own record of it.
  await menu(page, '督查');
  await expect(figure(page, '督办未答复：1 件')).toBeVisible();

  // The home hall (Tianjin) finds the flag in its queue and answers it.
  const tj = await counter(browser, 'TJ', 'tj-reviewer', '天津 审核岗');
  await openFromQueue(tj.page, '督办', D.caseNo);
  await tj.page.getByRole('button', { name: '答复督办' }).click();
  const answer = tj.page.getByRole('dialog', { name: '答复督办' });
  await answer.getByRole('textbox', { name: '答复' }).fill('已安排专人审核，今日办结');
  await answer.getByRole('button', { name: '提交答复' }).click();
  await expect(answer).toBeHidden();
  await expect(tj.page.getByRole('group', { name: '督办' })).toContainText('督办已答复');
  await synced(tj.page);
  await expect(tj.page.getByRole('table', { name: '督办' }).getByRole('button', { name: D.caseNo })).toHaveCount(0);

  // The answer reaches the supervisor by sync: the dashboard updates, the case shows it.
  await expect(figure(page, '督办未答复：0 件')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: /^已超期：\d+ 件$/ }).click();
  await listed(page).filter({ hasText: D.caseNo }).getByRole('button', { name: D.caseNo }).click();
  await expect(page.getByRole('group', { name: '督办' })).toContainText('答复：已安排专人审核，今日办结');
  await menu(page, '督查');
  await choosePeriod(page, PERIOD.from, PERIOD.to);
  await expect(figure(page, '受理：8 件')).toBeVisible();
  // F is the one at risk.
  await figure(page, '临期：1 件').click();
  await expect(listed(page).nth(1)).toContainText(F.caseNo);
  await expect(listed(page).nth(1)).toContainText('补正中，暂停计时 临期');
  await Promise.all([sup.context.close(), tj.context.close()]);
});

test('a bad rating at the counter opens a rectification that the hall reports and the supervisor sends back, then closes', async ({ browser }) => {
  test.setTimeout(240_000);
  const tj = await counter(browser, 'TJ', 'tj-clerk', '天津 1 号窗口');
  // The item search needs the catalog, which the counter fetches after login.
  await expect.poll(async () => (await idbRows(tj.page, 'catalog')).length, { timeout: 30_000 }).toBe(1);
  const caseNo = await intakeHousingFundProof(tj.page);

  // After the receipt the clerk turns the screen to the applicant.
  await tj.page.getByRole('button', { name: '请申请人评价（受理）' }).click();
  const screen = tj.page.getByRole('dialog', { name: '服务评价' });
  await expect(screen.getByRole('radio')).toHaveText(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
  await screen.getByRole('button', { name: '提交评价' }).click();
  await expect(screen.getByText('请先选择一个评价等级')).toBeVisible();
  await screen.getByRole('radio', { name: '不满意', exact: true }).click();
  await expect(screen.getByText('请告诉我们哪里做得不好（选填），我们将限期整改')).toBeVisible();
  await screen.getByRole('textbox').fill('排队等了一个小时');
  await shot(tj.page, 'rating-screen');
  await screen.getByRole('button', { name: '提交评价' }).click();
  await expect(screen.getByText('感谢您的评价！')).toBeVisible();
  await screen.getByRole('button', { name: '完成（工作人员操作）' }).click();
  await expect(screen).toBeHidden();
  await expect(tj.page.getByText('申请人对受理环节的评价：不满意')).toBeVisible();
  await synced(tj.page);

  // The rectification waits in Tianjin's queue; the clerk records what the hall did.
  await openFromQueue(tj.page, '差评整改', caseNo);
  const item = tj.page.getByRole('group', { name: '整改：天津市政务服务中心' });
  await expect(item).toContainText('整改 · 待整改');
  await item.getByRole('button', { name: '登记整改情况' }).click();
  const report = tj.page.getByRole('dialog', { name: '登记整改情况' });
  await expect(report).toContainText('差评意见：排队等了一个小时');
  await report.getByRole('textbox', { name: '整改情况' }).fill('已致电申请人致歉');
  await report.getByRole('button', { name: '提交整改情况' }).click();
  await expect(report).toBeHidden();
  await expect(item).toContainText('整改 · 待审核');
  await synced(tj.page);

  // The region supervisor finds it waiting for review and sends it back with a new deadline.
  const sup = await regionSupervisor(browser);
  await openFromQueue(sup.page, '整改待审核', caseNo);
  const supItem = sup.page.getByRole('group', { name: '整改：天津市政务服务中心' });
  await supItem.getByRole('button', { name: '退回重改' }).click();
  const back = sup.page.getByRole('dialog', { name: '退回重改' });
  await back.getByRole('textbox', { name: '退回原因' }).fill('未说明如何避免再次长时间排队');
  await back.getByRole('button', { name: '退回', exact: true }).click();
  await expect(back).toBeHidden();
  await expect(supItem).toContainText('整改 · 退回重改');
  await synced(sup.page);

  // Back in Tianjin's queue; the hall reports again.
  await openFromQueue(tj.page, '差评整改', caseNo);
  await expect(item).toContainText('退回（新期限');
  await item.getByRole('button', { name: '登记整改情况' }).click();
  await report.getByRole('textbox', { name: '整改情况' }).fill('已致电申请人致歉；高峰时段增开一个窗口，并增设叫号提醒');
  await report.getByRole('button', { name: '提交整改情况' }).click();
  await expect(report).toBeHidden();
  await synced(tj.page);

  // The supervisor closes it.
  await openFromQueue(sup.page, '整改待审核', caseNo);
  await supItem.getByRole('button', { name: '办结整改' }).click();
  const close = sup.page.getByRole('dialog', { name: '办结整改' });
  await expect(close).toContainText('高峰时段增开一个窗口');
  await close.getByRole('button', { name: '办结', exact: true }).click();
  await expect(close).toBeHidden();
  await expect(supItem).toContainText('整改 · 已办结');
  await expect(sup.page.getByLabel('整改办结记录')).toBeVisible();
  await synced(sup.page);
  await shot(sup.page, 'rectification-closed');

  // After approval at the home hall, the handover here opens the rating screen by itself.
  await approveAsBeijing(await caseIdOf(tj.page, caseNo));
  await openFromQueue(tj.page, '待打证、待交付', caseNo);
  const actions = tj.page.getByRole('group', { name: '可进行的操作' });
  await actions.getByRole('button', { name: '打印证照' }).click();
  await tj.page.getByRole('dialog', { name: '打印证照' }).getByRole('button', { name: '打印', exact: true }).click();
  await tj.page.getByRole('button', { name: '已打印' }).click();
  await actions.getByRole('button', { name: '交付证照' }).click();
  const hand = tj.page.getByRole('dialog', { name: '交付证照' });
  await hand.getByRole('textbox', { name: '领取人姓名' }).fill('李建国');
  await hand.getByRole('textbox', { name: '证件号码' }).fill('11010519491231002X');
  await hand.getByRole('checkbox', { name: '已核验领取人身份证件原件' }).check();
  await hand.getByRole('button', { name: '确认交付' }).click();
  await expect(hand).toBeHidden();
  await expect(screen).toBeVisible();
  await expect(screen).toContainText('交付环节');
  await screen.getByRole('radio', { name: '满意', exact: true }).click();
  await screen.getByRole('button', { name: '提交评价' }).click();
  await screen.getByRole('button', { name: '完成（工作人员操作）' }).click();
  await expect(tj.page.getByText('申请人对交付环节的评价：满意')).toBeVisible();
  await synced(tj.page);

  // On the dashboard, Tianjin's rectifications include this one, closed.
  await menu(sup.page, '督查');
  await sup.page.getByRole('radiogroup', { name: '统计期间' }).getByText('全部', { exact: true }).click();
  await sup.page.getByRole('table', { name: '各营业厅整改情况' }).getByRole('button', { name: /^天津市政务服务中心整改总数：\d+ 项$/ }).click();
  await expect(listed(sup.page).filter({ hasText: caseNo })).toContainText('天津市政务服务中心：已办结', { timeout: 30_000 });
  await expect(listed(sup.page).filter({ hasText: caseNo })).toContainText('受理：不满意（天津市政务服务中心）；交付：满意（天津市政务服务中心）');
  await Promise.all([tj.context.close(), sup.context.close()]);
});

async function caseIdOf(page: Page, caseNo: string): Promise<string> {
  const rows = await idbRows<{ caseNo: string; caseId: string }>(page, 'cases');
  const row = rows.find((r) => r.caseNo === caseNo);
  if (!row) throw new Error(`case ${caseNo} is not on this counter`);
  return row.caseId;
}
