// The call's WebRTC negotiation on its own, in Chromium with the fake camera: two PeerSessions
// (renderer/features/consult/peer.ts, bundled as it is) in one page, joined by a relay that delays
// what we choose. Offers that cross (both sides renegotiate at once) are settled by the polite
// side giving way; ICE candidates that arrive before the offer wait for it instead of failing.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { build } from 'vite';
import { CHROMIUM_ARGS } from '../../playwright.config';
import type * as PeerModule from '../../renderer/features/consult/peer';
import { LOOPBACK_WEBRTC, loopbackNet, type LoopbackNet } from './consult-net';
import { hub } from './support';

let net: LoopbackNet;
let browser: Browser;
let bundle = '';

test.beforeAll(async () => {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: {
        entry: 'renderer/features/consult/peer.ts',
        formats: ['iife'],
        name: 'ConsultPeer',
        fileName: 'peer',
      },
    },
  });
  const first = (Array.isArray(out) ? out[0] : out) as { output: { code?: string }[] };
  bundle = first.output[0]?.code ?? '';
  net = await loopbackNet(hub().url);
  browser = await net.launch([...CHROMIUM_ARGS, LOOPBACK_WEBRTC]);
});

test.afterAll(async () => {
  await browser?.close();
  await net?.close();
});

async function page(): Promise<Page> {
  const p = await (await browser.newContext()).newPage();
  // Any page of the hub: 127.0.0.1 is a secure context, so the camera may be opened.
  await p.goto(`${hub().url}/healthz`);
  await p.addScriptTag({ content: bundle });
  return p;
}

/** What the page-side harness reports. */
interface Report {
  log: string[];
  arrivals: string[];
  states: Record<
    'a' | 'b',
    { signaling: string; connection: string; transceivers: number; unnegotiated: number }
  >;
}

type Harness = (opts: {
  descriptionDelayMs: number;
  renegotiateAtOnce: boolean;
}) => Promise<Report>;

// Runs in the page: `a` is the caller (impolite), `b` the callee (polite); the relay delivers
// descriptions after `descriptionDelayMs` and candidates at once, and logs what reached `b` in
// which order.
const harness: Harness = async ({ descriptionDelayMs, renegotiateAtOnce }) => {
  const { PeerSession } = (window as unknown as { ConsultPeer: typeof PeerModule }).ConsultPeer;
  const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
  const log: string[] = [];
  const arrivals: string[] = [];
  const sessions: Record<'a' | 'b', InstanceType<typeof PeerSession> | null> = { a: null, b: null };
  const relay =
    (to: 'a' | 'b') => (m: Parameters<InstanceType<typeof PeerSession>['receive']>[0]) => {
      setTimeout(
        () => {
          const target = sessions[to]!;
          if (m.description)
            log.push(`${to} got ${m.description.type} in ${target.pc.signalingState}`);
          if (to === 'b') arrivals.push(m.description ? m.description.type : 'candidate');
          target.receive(m);
        },
        m.description ? descriptionDelayMs : 0,
      );
    };
  const events = (name: 'a' | 'b') => ({
    signal: relay(name === 'a' ? 'b' : 'a'),
    remoteStream: () => log.push(`${name} track`),
    message: () => undefined,
    channelOpen: () => log.push(`${name} open`),
    connected: () => log.push(`${name} connected`),
    failed: (kind: string) => log.push(`${name} failed ${kind}`),
  });
  sessions.a = new PeerSession(
    { polite: false, iceServers: [], iceTransportPolicy: 'all', stream },
    events('a'),
  );
  sessions.b = new PeerSession(
    { polite: true, iceServers: [], iceTransportPolicy: 'all', stream: stream.clone() },
    events('b'),
  );
  const until = async (done: () => boolean) => {
    for (let i = 0; i < 600 && !done(); i++) await new Promise((r) => setTimeout(r, 50));
  };
  const settled = () =>
    (['a', 'b'] as const).every((n) => {
      const pc = sessions[n]!.pc;
      return (
        pc.signalingState === 'stable' &&
        pc.connectionState === 'connected' &&
        pc.getTransceivers().every((t) => t.mid !== null)
      );
    });
  await until(
    () =>
      log.includes('a connected') &&
      log.includes('b connected') &&
      log.includes('a open') &&
      log.includes('b open'),
  );
  if (renegotiateAtOnce) {
    // Both sides add a video line in the same instant: two offers cross on the way.
    sessions.a.pc.addTransceiver('video');
    sessions.b.pc.addTransceiver('video');
    await new Promise((r) => setTimeout(r, descriptionDelayMs * 2));
    await until(settled);
  }
  const state = (n: 'a' | 'b') => {
    const pc = sessions[n]!.pc;
    return {
      signaling: pc.signalingState,
      connection: pc.connectionState,
      transceivers: pc.getTransceivers().length,
      unnegotiated: pc.getTransceivers().filter((t) => t.mid === null).length,
    };
  };
  return { log, arrivals, states: { a: state('a'), b: state('b') } };
};

test('candidates that arrive before the offer are queued, and the call connects', async () => {
  const p = await page();
  const r = await p.evaluate(harness, { descriptionDelayMs: 300, renegotiateAtOnce: false });
  expect(r.log).not.toContainEqual(expect.stringContaining('failed'));
  // The callee heard of the caller's addresses before the offer they belong to.
  expect(r.arrivals[0]).toBe('candidate');
  expect(r.arrivals.indexOf('offer')).toBeGreaterThan(0);
  expect(r.log).toEqual(
    expect.arrayContaining([
      'a connected',
      'b connected',
      'a open',
      'b open',
      'a track',
      'b track',
    ]),
  );
  await p.context().close();
});

test('offers that cross are settled: the polite side gives way, then both sides’ changes are negotiated', async () => {
  const p = await page();
  const r = await p.evaluate(harness, { descriptionDelayMs: 200, renegotiateAtOnce: true });
  expect(r.log).not.toContainEqual(expect.stringContaining('failed'));
  // Each side received the other's offer while it had one of its own out: a collision, both ways.
  expect(r.log).toContain('a got offer in have-local-offer');
  expect(r.log).toContain('b got offer in have-local-offer');
  // In the end both are stable and connected, and every line either side added is negotiated.
  for (const side of ['a', 'b'] as const) {
    expect(r.states[side]).toEqual({
      signaling: 'stable',
      connection: 'connected',
      transceivers: 4,
      unnegotiated: 0,
    });
  }
  await p.context().close();
});
