// Video consultation (视频会商) in the real UI: Chromium's fake camera and microphone, one browser
// context per counter, the real hub. Tianjin calls Beijing about a case: three Beijing counters
// ring, the second answers and the other two stop ringing; both sides get a live remote picture
// whose frames advance, chat, share the case summary, mute, turn the camera off, hang up, and the
// case's timeline holds the consultation on both sides. Then a call nobody answers (the hub's real
// 60 seconds), a call whose callee drops off and is redialled, the failures a clerk must be told
// about in plain words, and the microphone chosen in 设置.
// The browsers live on loopback only (consult-net.ts): their WebRTC traffic never leaves 127.0.0.1.
import {
  expect,
  test,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { makeCaseNumber } from '../../shared/case-number';
import type { Event } from '../../shared/protocol/events';
import { TestDevice } from '../support/device';
import { LOOPBACK_WEBRTC, loopbackNet, type LoopbackNet } from './consult-net';
import { enroll, hub, login, newCode, shot } from './support';

const NURSE_BJ = 'XK00101001-BJ';
const CALL_ARGS = [...CHROMIUM_ARGS, LOOPBACK_WEBRTC];

let net: LoopbackNet;
let browser: Browser;
const contexts: BrowserContext[] = [];

test.beforeAll(async () => {
  net = await loopbackNet(hub().url);
  browser = await net.launch(CALL_ARGS);
});

test.afterAll(async () => {
  await browser?.close();
  await net?.close();
});

test.afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
});

async function counter(b: Browser, hallId: string, username: string): Promise<Page> {
  const context = await b.newContext({ viewport: { width: 1440, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log(`[${hallId} ${username}] pageerror: ${e.message}`));
  await enroll(page, hallId);
  await login(page, username);
  return page;
}

/** A case taken at another Tianjin counter (pushed from Node) for a Beijing item. */
async function tianjinCase(): Promise<{ caseId: string; caseNo: string }> {
  const h = hub();
  const d = await TestDevice.enroll(h.url, newCode('TJ'), '天津 推送');
  const clerk = (await d.login('tj-clerk', h.password)).staff;
  await d.connect();
  const no = makeCaseNumber({ deviceCode: d.info.deviceCode, at: new Date(), dailyCount: 1 });
  if (!no.ok) throw new Error(no.error.message);
  const e: Event = d.event(
    'case.received',
    uuidv7(),
    {
      caseNo: no.value,
      itemCode: NURSE_BJ,
      itemName: '护士执业注册（首次注册）',
      promisedDays: 5,
      applicant: {
        kind: 'person',
        name: '赵书宁',
        idType: 'resident',
        idNumber: '11010519491231002X',
        phone: '13912345678',
      },
      form: { practiceOrg: '北京协和医院' },
      materials: [{ materialId: 'id-card', provided: 'original', attachments: [] }],
      intakeHallId: 'TJ',
      homeHallId: 'BJ',
      deliveryHallId: 'TJ',
      queryCode: '246810',
    },
    clerk.staffId,
  );
  expect((await d.push([e])).results[0]?.status).toBe('accepted');
  d.close();
  return { caseId: e.caseId, caseNo: no.value };
}

async function openCase(page: Page, caseNo: string): Promise<void> {
  await page.getByRole('menuitem', { name: '办件' }).click();
  await page.getByRole('textbox', { name: '搜索办件' }).fill(caseNo);
  await page
    .getByRole('grid', { name: '办件列表' })
    .getByRole('row', { name: new RegExp(caseNo) })
    .click({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: `办件 ${caseNo}` })).toBeVisible();
}

/** The remote picture: its track is live and the frames it shows keep coming. */
async function expectLiveRemoteVideo(page: Page): Promise<void> {
  const video = page
    .getByRole('dialog', { name: '视频会商', exact: true })
    .locator('video[aria-label="对方画面"]');
  const probe = (v: Locator) =>
    v.evaluate((el: HTMLVideoElement) => ({
      track: (el.srcObject as MediaStream | null)?.getVideoTracks()[0]?.readyState ?? 'none',
      frames: el.getVideoPlaybackQuality().totalVideoFrames,
      width: el.videoWidth,
    }));
  await expect.poll(async () => (await probe(video)).track, { timeout: 30_000 }).toBe('live');
  await expect
    .poll(async () => (await probe(video)).frames, { timeout: 30_000 })
    .toBeGreaterThan(0);
  const first = (await probe(video)).frames;
  await expect
    .poll(async () => (await probe(video)).frames, { timeout: 30_000 })
    .toBeGreaterThan(first);
  expect((await probe(video)).width).toBeGreaterThan(0);
}

const ringDialog = (page: Page) => page.getByRole('dialog', { name: '视频会商来电' });
const callPanel = (page: Page) => page.getByRole('dialog', { name: '视频会商', exact: true });

test('Tianjin calls Beijing about a case: three counters ring, the first to answer gets it, video both ways, chat, summary, hang up, on the record', async () => {
  test.setTimeout(240_000);
  const { caseNo } = await tianjinCase();
  const tj = await counter(browser, 'TJ', 'tj-clerk');
  const bj = [
    await counter(browser, 'BJ', 'bj-clerk'),
    await counter(browser, 'BJ', 'bj-reviewer'),
    await counter(browser, 'BJ', 'bj-supervisor'),
  ];
  await openCase(tj, caseNo);

  // Dial from the case page: the home hall (Beijing) is proposed, with its counters that can answer.
  await tj.getByRole('button', { name: '视频会商' }).click();
  const dial = tj.getByRole('dialog', { name: '发起视频会商' });
  await expect(dial.getByRole('combobox', { name: '呼叫营业厅' })).toBeVisible();
  await expect(dial).toContainText('北京市政务服务中心（可接听窗口 3 个）');
  await dial.getByRole('button', { name: '呼叫' }).click();
  await expect(callPanel(tj).getByRole('status', { name: '会商状态' })).toContainText(
    '3 个窗口振铃',
  );

  // Every Beijing counter rings with the case number and the caller.
  for (const page of bj) {
    await expect(ringDialog(page)).toBeVisible();
    await expect(ringDialog(page)).toContainText(caseNo);
    await expect(ringDialog(page)).toContainText('天津市政务服务中心');
  }
  await shot(bj[1]!, 'consult-ring');
  await ringDialog(bj[1]!).getByRole('button', { name: '接听' }).click();
  // The others stop ringing.
  for (const page of [bj[0]!, bj[2]!]) {
    await expect(ringDialog(page)).toBeHidden();
    await expect(page.getByText('已由本厅其他窗口接听')).toBeVisible();
  }
  const bjp = bj[1]!;

  // Both sides see and hear each other: a live remote track, frames advancing.
  await expect(callPanel(tj).getByRole('status', { name: '会商状态' })).toContainText('通话中', {
    timeout: 30_000,
  });
  await expect(callPanel(bjp).getByRole('status', { name: '会商状态' })).toContainText('通话中', {
    timeout: 30_000,
  });
  await expectLiveRemoteVideo(tj);
  await expectLiveRemoteVideo(bjp);

  // Chat both ways.
  await callPanel(tj).getByRole('textbox', { name: '聊天消息' }).fill('请确认学历证明可否用复印件');
  await callPanel(tj).getByRole('button', { name: '发送' }).click();
  await expect(callPanel(bjp).getByRole('log', { name: '会商聊天' })).toContainText(
    '请确认学历证明可否用复印件',
  );
  await callPanel(bjp).getByRole('textbox', { name: '聊天消息' }).fill('可以，加盖单位公章即可');
  await callPanel(bjp).getByRole('textbox', { name: '聊天消息' }).press('Enter');
  await expect(callPanel(tj).getByRole('log', { name: '会商聊天' })).toContainText(
    '可以，加盖单位公章即可',
  );

  // The case summary, as data on both screens (the ID number masked).
  await callPanel(tj).getByRole('button', { name: '共享办件摘要' }).click();
  const shared = callPanel(bjp).getByRole('region', { name: '共享的办件摘要' });
  await expect(shared).toContainText(caseNo);
  await expect(shared).toContainText('护士执业注册（首次注册）');
  await expect(shared).toContainText('赵书宁');
  await expect(shared).not.toContainText('11010519491231002X');

  // Mute and camera off act on this side's own tracks.
  await callPanel(tj).getByRole('button', { name: '静音' }).click();
  await callPanel(tj).getByRole('button', { name: '关闭摄像头' }).click();
  const local = callPanel(tj).locator('video[aria-label="本机画面"]');
  expect(
    await local.evaluate((el: HTMLVideoElement) =>
      (el.srcObject as MediaStream)
        .getTracks()
        .map((t) => `${t.kind}:${t.enabled}`)
        .sort(),
    ),
  ).toEqual(['audio:false', 'video:false']);
  await callPanel(tj).getByRole('button', { name: '取消静音' }).click();
  await callPanel(tj).getByRole('button', { name: '打开摄像头' }).click();
  await shot(tj, 'consult-call-caller');
  await shot(bjp, 'consult-call-callee');

  // The caller's notes go to the record; hanging up tells the other side.
  await callPanel(tj)
    .getByRole('textbox', { name: '会商记录' })
    .fill('北京确认学历证明可用加盖公章的复印件');
  await callPanel(tj).getByRole('button', { name: '挂断' }).click();
  await expect(callPanel(bjp)).toContainText('已挂断，通话结束');
  await expect(callPanel(tj)).toContainText(`会商情况已写入办件 ${caseNo} 的办理经过`);
  await callPanel(tj).getByRole('button', { name: '关闭' }).click();

  // The timeline holds the consultation: at the caller, and at Beijing (the home hall) once synced.
  const ended = tj.getByLabel('视频会商结束记录');
  await expect(tj.getByLabel('视频会商开始记录')).toContainText('北京市政务服务中心');
  await expect(ended).toContainText('通话结束，时长');
  await expect(ended).toContainText('会商记录：北京确认学历证明可用加盖公章的复印件');
  await expect(ended).not.toContainText('待同步', { timeout: 30_000 });
  await shot(tj, 'consult-timeline');
  await callPanel(bjp).getByRole('button', { name: '关闭' }).click();
  await openCase(bjp, caseNo);
  await expect(bjp.getByLabel('视频会商结束记录')).toContainText('天津市政务服务中心', {
    timeout: 30_000,
  });
  await expect(bjp.getByLabel('视频会商结束记录')).toContainText(
    '北京确认学历证明可用加盖公章的复印件',
  );
});

test('a call nobody answers in 60 s ends as missed: the caller is told, the ring stops, the case records it; a dropped call is told and redialled', async () => {
  test.setTimeout(240_000);
  const { caseNo } = await tianjinCase();
  const tj = await counter(browser, 'TJ', 'tj-clerk');
  const sjz = await counter(browser, 'SJZ', 'sjz-clerk');
  await openCase(tj, caseNo);
  await tj.getByRole('button', { name: '视频会商' }).click();
  const dial = tj.getByRole('dialog', { name: '发起视频会商' });
  await dial.getByRole('combobox', { name: '呼叫营业厅' }).click();
  await tj.getByTitle(/河北省政务服务中心/).click();
  await dial.getByRole('button', { name: '呼叫' }).click();
  await expect(ringDialog(sjz)).toContainText(caseNo);

  // Nobody answers: the hub ends the call after its 60 seconds.
  await expect(callPanel(tj).getByRole('alert')).toContainText('60 秒内无人接听', {
    timeout: 90_000,
  });
  await expect(ringDialog(sjz)).toBeHidden();
  await expect(tj.getByLabel('视频会商结束记录')).toContainText('无人接听');
  await shot(tj, 'consult-missed');

  // Redial; this time the call is answered, then the callee's counter drops off the network.
  await callPanel(tj).getByRole('button', { name: '重新拨打' }).click();
  await ringDialog(sjz).getByRole('button', { name: '接听' }).click();
  await expect(callPanel(tj).getByRole('status', { name: '会商状态' })).toContainText('通话中', {
    timeout: 30_000,
  });
  await sjz.context().close();
  await expect(callPanel(tj).getByRole('alert')).toContainText(
    '与中心的连接中断，通话已结束。可重新拨打。',
    { timeout: 30_000 },
  );
  await expect(callPanel(tj).getByRole('button', { name: '重新拨打' })).toBeVisible();
  await expect(tj.getByLabel('视频会商结束记录').last()).toContainText('连接中断');
});

test('says what went wrong and what to try: no camera, permission refused', async () => {
  const fakeDevice = '--use-fake-device-for-media-stream';
  const fakeUi = '--use-fake-ui-for-media-stream';
  // No camera at all: this machine has none, so without Chromium's fake devices there is nothing to open.
  const noCamera = await net.launch(CALL_ARGS.filter((a) => a !== fakeDevice));
  // The clerk refused the browser's request (headless Chromium refuses when no permission was granted).
  const refused = await net.launch(CALL_ARGS.filter((a) => a !== fakeUi));
  try {
    for (const [b, words] of [
      [noCamera, '未找到摄像头或麦克风'],
      [refused, '未获得摄像头和麦克风的使用权限'],
    ] as const) {
      const tj = await counter(b, 'TJ', 'tj-clerk');
      await tj.getByRole('menuitem', { name: '会商' }).click();
      await tj
        .getByRole('listitem', { name: '北京市政务服务中心' })
        .getByRole('button', { name: '呼叫' })
        .click();
      const problem = tj.getByRole('dialog', { name: '视频会商提示' });
      await expect(problem).toContainText(words);
      await expect(callPanel(tj)).toBeHidden();
      await shot(tj, `consult-${b === noCamera ? 'no-camera' : 'refused'}`);
    }
  } finally {
    await noCamera.close();
    await refused.close();
  }
});

test('says so when the callee’s network cannot carry the call, and when the hub is gone', async () => {
  test.setTimeout(180_000);
  // Both halves need the browsers alone on loopback: elsewhere the callee's browser would find a
  // path through the machine's own interfaces, and there would be no relay to cut.
  test.skip(!net.isolated, 'needs a network namespace (root and iproute2)');
  // The callee's browser has no usable address for media (no loopback for WebRTC, nothing else).
  const cutOff = await net.launch(CHROMIUM_ARGS);
  try {
    const tj = await counter(browser, 'TJ', 'tj-clerk');
    const sjz = await counter(cutOff, 'SJZ', 'sjz-clerk');
    await tj.getByRole('menuitem', { name: '会商' }).click();
    await tj
      .getByRole('listitem', { name: /河北省政务服务中心/ })
      .getByRole('button', { name: '呼叫' })
      .click();
    await ringDialog(sjz).getByRole('button', { name: '接听' }).click();
    // Whichever side gives up first says the connection could not be made; the other is told why.
    await expect(callPanel(tj).getByRole('alert')).toContainText(
      /无法与对方建立音视频连接|无法与本机建立或保持音视频连接/,
      { timeout: 60_000 },
    );
    await expect(callPanel(sjz).getByRole('alert')).toContainText(
      /无法与对方建立音视频连接|无法与本机建立或保持音视频连接/,
      { timeout: 30_000 },
    );
    await expect(callPanel(tj).getByRole('alert')).toContainText(/TURN/);
    await shot(tj, 'consult-ice-failed');
  } finally {
    await cutOff.close();
  }

  // The hub goes away for a counter: it says so, and offers no call it cannot make.
  const other = await loopbackNet(hub().url);
  try {
    const b = await other.launch(CALL_ARGS);
    const tj = await counter(b, 'TJ', 'tj-clerk');
    await tj.getByRole('menuitem', { name: '会商' }).click();
    await expect(tj.getByRole('listitem', { name: '北京市政务服务中心' })).toBeVisible();
    other.cut();
    await expect(
      tj.getByRole('alert').filter({ hasText: '无法连接中心，暂时不能进行视频会商' }),
    ).toBeVisible({ timeout: 30_000 });
    await expect(
      tj
        .getByRole('listitem', { name: '北京市政务服务中心' })
        .getByRole('button', { name: '呼叫' }),
    ).toBeDisabled();
    await shot(tj, 'consult-hub-offline');
    await b.close();
  } finally {
    await other.close();
  }
});

test('a call uses the microphone chosen in 设置', async () => {
  const tj = await counter(browser, 'TJ', 'tj-clerk');
  await counter(browser, 'XA', 'xa-clerk'); // someone to ring
  await tj.getByRole('menuitem', { name: '设置' }).click();
  const card = tj.locator('.ant-card').filter({ hasText: '会商使用的麦克风' });
  await card.getByRole('button', { name: '授权并刷新' }).click();
  await card.getByRole('combobox', { name: '会商使用的麦克风' }).click();
  const choice = tj.locator('.ant-select-dropdown:visible .ant-select-item-option').last();
  const label = (await choice.getAttribute('title')) ?? '';
  expect(label).not.toBe('系统默认麦克风');
  await choice.click();
  await tj.getByRole('button', { name: '保存设置' }).click();
  await expect(tj.getByText('设置已保存')).toBeVisible();

  await tj.getByRole('menuitem', { name: '会商' }).click();
  await tj.getByRole('listitem', { name: '雄安新区政务服务中心' }).getByRole('button', { name: '呼叫' }).click();
  await expect(callPanel(tj).getByRole('status', { name: '会商状态' })).toContainText('振铃');
  const local = callPanel(tj).locator('video[aria-label="本机画面"]');
  expect(await local.evaluate((el: HTMLVideoElement) => (el.srcObject as MediaStream).getAudioTracks()[0]?.label)).toBe(label);
  await callPanel(tj).getByRole('button', { name: '取消呼叫' }).click();
  await expect(callPanel(tj)).toBeHidden();
});
