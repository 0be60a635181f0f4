// The cross-region path through the UI, three counters against one real hub: a Beijing item taken
// in Tianjin, reviewed in Beijing with one correction round (Tianjin offline for part of it),
// approved, the certificate printed and handed over at a second Tianjin counter, verified.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { APPLICANT, idbRows, intakeHousingFundProof, menu, openFromQueue, paperShot, PNG, prints, recordPrints, setForm, shot, synced, syncStatus } from './counter';
import { TestDevice } from '../support/device';
import { closeContexts, enroll, hub, login, newCode } from './support';

// Counters this test opened go offline with it, so none rings or syncs in the next test.
test.afterEach(({ browser }) => closeContexts(browser));
import type { CaseRow } from '../../renderer/data/db';

test.use({ viewport: { width: 1440, height: 900 } });

async function counter(browser: Browser, hallId: string, user: string, name: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await recordPrints(context);
  const page = await context.newPage();
  await enroll(page, hallId, name);
  await login(page, user);
  return { context, page };
}

/** Answers the open "did it print?" question (never a closing one from an earlier print). */
async function confirmPrinted(page: Page): Promise<void> {
  const question = page.getByRole('dialog').filter({ hasText: '证照是否已正常打印？' }).filter({ has: page.getByRole('button', { name: '已打印' }) });
  await expect(question).toHaveCount(1);
  await question.getByRole('button', { name: '已打印' }).click();
  await expect(question).toHaveCount(0);
}

const stateTag = (page: Page) => page.locator('.ant-descriptions').first().locator('.ant-tag').first();

test('Tianjin intake of a Beijing item → Beijing review with a correction → approval → Tianjin prints and hands over', async ({ browser }) => {
  test.setTimeout(240_000);
  const tj = await counter(browser, 'TJ', 'tj-clerk', '天津 1 号窗口');
  const bj = await counter(browser, 'BJ', 'bj-reviewer', '北京 审核岗');

  // Tianjin takes the case.
  const caseNo = await intakeHousingFundProof(tj.page);
  await synced(tj.page);

  // Beijing's reviewer finds it in the incoming queue, starts review and asks for a correction.
  await expect(bj.page.getByRole('heading', { name: /工作台/ })).toBeVisible();
  await openFromQueue(bj.page, '待审核（跨区域来件）', caseNo);
  await expect(bj.page.getByText('本厅为主管厅：请开始审核。')).toBeVisible();
  // Only the home hall's reviewer actions are offered, never a clerk's.
  const actions = bj.page.getByRole('group', { name: '可进行的操作' });
  await expect(actions.getByRole('button', { name: '撤回申请' })).toHaveCount(0);
  await actions.getByRole('button', { name: '开始审核' }).click();
  await expect(stateTag(bj.page)).toHaveText('审核中');
  await actions.getByRole('button', { name: '要求补正' }).click();
  const ask = bj.page.getByRole('dialog', { name: '要求补正' });
  await ask.getByRole('button', { name: '发出补正要求' }).click();
  await expect(ask.getByText('请写明需要补正的原因，每行一条')).toBeVisible();
  await ask.getByRole('textbox', { name: '补正原因（每行一条）' }).fill('申请表缺少申请人本人签字\n请补充本人签字后的申请表扫描件');
  await ask.getByRole('checkbox', { name: '异地贷款缴存使用证明申请表' }).check();
  await shot(bj.page, 'workflow-correction-request');
  await ask.getByRole('button', { name: '发出补正要求' }).click();
  await expect(ask).toBeHidden();
  await expect(stateTag(bj.page)).toHaveText('待补正');
  await synced(bj.page);

  // Tianjin sees the request in its queue, then loses the network while the applicant corrects.
  await openFromQueue(tj.page, '待补正', caseNo);
  await expect(tj.page.getByRole('row', { name: /补正要求/ })).toContainText('申请表缺少申请人本人签字');
  await expect(tj.page.getByRole('row', { name: /^计时暂停/ })).toContainText('计时暂停中');
  await tj.context.setOffline(true);
  await expect(syncStatus(tj.page)).toContainText('离线');
  await tj.page.getByRole('group', { name: '可进行的操作' }).getByRole('button', { name: '办理补正' }).click();
  await expect(tj.page.getByRole('heading', { name: `补正 ${caseNo}` })).toBeVisible();
  await tj.page.getByRole('button', { name: '打印补正通知书' }).click();
  await expect.poll(async () => (await prints(tj.page)).length).toBe(1);
  const notice = (await prints(tj.page))[0]!;
  expect(notice.html).toContain('补正材料通知书');
  expect(notice.html).toContain('申请表缺少申请人本人签字');
  expect(notice.html).toContain('异地贷款缴存使用证明申请表');
  await paperShot(tj.context, notice.html, 'workflow-correction-notice-paper');
  // The signed form comes as an electronic copy this time.
  await setForm(tj.page, '异地贷款缴存使用证明申请表', '电子件');
  const chooser = tj.page.waitForEvent('filechooser');
  await tj.page.getByRole('button', { name: '异地贷款缴存使用证明申请表：上传文件' }).click();
  await (await chooser).setFiles({ name: '申请表（已签字）.png', mimeType: 'image/png', buffer: PNG });
  await expect(tj.page.getByRole('group', { name: /异地贷款缴存使用证明申请表/ })).toContainText('申请表（已签字）.png');
  await shot(tj.page, 'workflow-correction-form');
  await tj.page.getByRole('button', { name: '提交补正' }).click();
  await expect(tj.page.getByRole('heading', { name: `办件 ${caseNo}` })).toBeVisible();
  await expect(stateTag(tj.page)).toHaveText('审核中');
  await expect(syncStatus(tj.page)).toContainText('待上传：1');
  await tj.context.setOffline(false);
  await synced(tj.page);
  // The pause is closed and shown with both ends.
  await expect(tj.page.getByRole('row', { name: /^计时暂停/ })).toContainText(/ 至 .*不计入办理时限/);

  // Beijing sees the resubmission (with the new file) and approves.
  await openFromQueue(bj.page, '待审核（跨区域来件）', caseNo);
  await expect(stateTag(bj.page)).toHaveText('审核中');
  await expect(bj.page.getByRole('button', { name: '申请表（已签字）.png' })).toBeVisible();
  await bj.page.getByRole('group', { name: '可进行的操作' }).getByRole('button', { name: '审核通过' }).click();
  const approve = bj.page.getByRole('dialog', { name: '审核通过' });
  await expect(approve).toContainText('异地贷款职工住房公积金缴存使用证明');
  await approve.getByRole('textbox', { name: '审核意见' }).fill('材料齐全，同意出具。');
  await approve.getByRole('button', { name: '确认通过' }).click();
  await expect(approve).toBeHidden();
  // The hub signs the certificate on the approval; Beijing's counter receives it by sync.
  await expect(stateTag(bj.page)).toHaveText('证照已签发', { timeout: 30_000 });
  await shot(bj.page, 'workflow-approved');

  // A second Tianjin counter, the delivery desk, prints the certificate and hands it over.
  const desk = await counter(browser, 'TJ', 'tj-clerk', '天津 发证窗口');
  await openFromQueue(desk.page, '待打证、待交付', caseNo);
  const deskActions = desk.page.getByRole('group', { name: '可进行的操作' });
  await deskActions.getByRole('button', { name: '打印证照' }).click();
  const printDialog = desk.page.getByRole('dialog', { name: '打印证照' });
  await expect(printDialog.getByRole('region', { name: '证照预览' })).toContainText(APPLICANT.name);
  await expect(printDialog.getByRole('img', { name: '证照核验二维码' })).toBeVisible();
  await shot(desk.page, 'workflow-print-certificate');
  await printDialog.getByRole('button', { name: '打印', exact: true }).click();
  // The browser cannot tell whether its dialog printed: the clerk confirms before it is recorded.
  await confirmPrinted(desk.page);
  await expect(printDialog).toBeHidden();
  await expect(stateTag(desk.page)).toHaveText('证照已打印');
  const certificate = (await prints(desk.page)).at(-1)!;
  expect(certificate.html).toContain('异地贷款职工住房公积金缴存使用证明');
  expect(certificate.html).toContain('110000123456');
  expect(certificate.html).toContain('北京住房公积金管理中心');
  await paperShot(desk.context, certificate.html, 'workflow-certificate-paper');
  // A reprint needs a reason, and both prints are on the record.
  await deskActions.getByRole('button', { name: '补打证照' }).click();
  const reprint = desk.page.getByRole('dialog', { name: '补打证照' });
  await reprint.getByRole('button', { name: '补打', exact: true }).click();
  await expect(reprint.getByText('补打证照须注明原因')).toBeVisible();
  await reprint.getByRole('textbox', { name: '补打原因' }).fill('首次打印卡纸');
  await reprint.getByRole('button', { name: '补打', exact: true }).click();
  await confirmPrinted(desk.page);
  await expect(reprint).toBeHidden();
  const record = desk.page.getByRole('table', { name: '打印记录' });
  await expect(record.getByRole('row')).toHaveCount(3);
  await expect(record.getByRole('row').nth(1)).toContainText('首次打印');
  await expect(record.getByRole('row').nth(2)).toContainText('首次打印卡纸');

  // Handover: someone else must show an authorization; the holder collects in person.
  await deskActions.getByRole('button', { name: '交付证照' }).click();
  const hand = desk.page.getByRole('dialog', { name: '交付证照' });
  await hand.getByRole('textbox', { name: '领取人姓名' }).fill('李建民');
  await hand.getByRole('textbox', { name: '证件号码' }).fill('110105194912310021');
  await expect(hand.getByText(/校验位/)).toBeVisible();
  await hand.getByRole('textbox', { name: '证件号码' }).fill('130102199001011237');
  await expect(hand.getByText('领取人与持证人不一致：按代领办理，须核验并登记授权委托书。')).toBeVisible();
  await hand.getByRole('textbox', { name: '领取人姓名' }).fill(APPLICANT.name);
  await hand.getByRole('textbox', { name: '证件号码' }).fill(APPLICANT.idNumber);
  await expect(hand.getByText('领取人为持证人本人。')).toBeVisible();
  await hand.getByRole('button', { name: '确认交付' }).click();
  await expect(hand.getByText('请先核验领取人的身份证件原件')).toBeVisible();
  await hand.getByRole('checkbox', { name: '已核验领取人身份证件原件' }).check();
  await hand.getByRole('button', { name: '确认交付' }).click();
  await expect(hand).toBeHidden();
  await expect(stateTag(desk.page)).toHaveText('已交付');
  await synced(desk.page);
  await shot(desk.page, 'workflow-delivered');

  // Everyone converges on the hub's state; the public tracking page says it too.
  await menu(tj.page, '办件');
  await expect(tj.page.getByRole('row', { name: new RegExp(caseNo) })).toContainText('已交付', { timeout: 30_000 });
  const row = (await idbRows<CaseRow>(tj.page, 'cases')).find((r) => r.caseNo === caseNo)!;
  const tracked = await tj.page.request.get(`${hub().url}/track?caseNo=${encodeURIComponent(caseNo)}&code=${row.view.queryCode}`);
  const page = await tracked.text();
  expect(page).toContain('已交付');
  expect(page).toContain('李**');
  expect(page).not.toContain(APPLICANT.idNumber);

  await Promise.all([tj.context.close(), bj.context.close(), desk.context.close()]);
});

test('Beijing refuses a case with the legal basis, and only a reviewer of the home hall can', async ({ browser }) => {
  test.setTimeout(120_000);
  // The Tianjin intake arrives through the wire contract (a test device pushes it), the review is the UI.
  const { url, password } = hub();
  const tjDevice = await TestDevice.enroll(url, newCode('TJ'));
  const clerk = (await tjDevice.login('tj-clerk', password)).staff.staffId;
  await tjDevice.connect();
  const received = tjDevice.received(clerk, { itemCode: 'GG00408001-BJ', homeHallId: 'BJ' });
  expect((await tjDevice.push([received])).results[0]!.status).toBe('accepted');
  tjDevice.close();
  const caseNo = received.type === 'case.received' ? received.payload.caseNo : '';

  const bj = await counter(browser, 'BJ', 'bj-reviewer', '北京 审核岗');
  await openFromQueue(bj.page, '待审核（跨区域来件）', caseNo);
  const actions = bj.page.getByRole('group', { name: '可进行的操作' });
  // Before review starts there is nothing to decide.
  await expect(actions.getByRole('button', { name: '不予办理' })).toHaveCount(0);
  await actions.getByRole('button', { name: '开始审核' }).click();
  await actions.getByRole('button', { name: '不予办理' }).click();
  const dialog = bj.page.getByRole('dialog', { name: '不予办理' });
  // The item's legal basis is offered; the reason must be written.
  await expect(dialog.getByRole('textbox', { name: '法律依据' })).not.toHaveValue('');
  await dialog.getByRole('button', { name: '确认不予办理' }).click();
  await expect(dialog.getByText('请写明不予办理的理由')).toBeVisible();
  await dialog.getByRole('textbox', { name: '不予办理理由' }).fill('申请人在北京无住房公积金缴存记录');
  await dialog.getByRole('button', { name: '确认不予办理' }).click();
  await expect(dialog).toBeHidden();
  await expect(stateTag(bj.page)).toHaveText('不予办理');
  await expect(bj.page.getByRole('row', { name: /审核结果/ })).toContainText('申请人在北京无住房公积金缴存记录');
  await expect(actions.getByRole('button')).toHaveText(['添加备注']);
  await synced(bj.page);

  // A Tianjin clerk sees the decision and may do nothing but add a note.
  const tj = await counter(browser, 'TJ', 'tj-clerk', '天津 2 号窗口');
  await tj.page.getByRole('menuitem', { name: '办件' }).click();
  await tj.page.getByRole('textbox', { name: '搜索办件' }).fill(caseNo);
  await tj.page.getByRole('grid', { name: '办件列表' }).getByRole('row', { name: new RegExp(caseNo) }).dblclick();
  await expect(stateTag(tj.page)).toHaveText('不予办理', { timeout: 30_000 });
  await expect(tj.page.getByText('主管厅决定不予办理，办件终止。')).toBeVisible();
  await expect(tj.page.getByRole('group', { name: '可进行的操作' }).getByRole('button')).toHaveText(['添加备注']);
  await Promise.all([bj.context.close(), tj.context.close()]);
});
