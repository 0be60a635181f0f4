// A network of loopback only, for browsers that make WebRTC calls. Chromium in a network namespace
// of its own (`unshare -n`: nothing but 127.0.0.1) reaches the test hub through a small relay (a
// TCP listener on the hub's port inside the namespace, a Unix socket across, the hub outside), and
// its calls gather loopback candidates only (--allow-loopback-in-peer-connection): media between
// two halls never leave 127.0.0.1. Cutting the relay takes the hub away from the browsers in it,
// as a broken network would. Where namespaces are not permitted (not root), the browsers run
// beside the hub instead, and say so.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';

/** Lets Chromium's WebRTC use 127.0.0.1, the only address in the namespace. */
export const LOOPBACK_WEBRTC = '--allow-loopback-in-peer-connection';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Runs inside the namespace (CommonJS, via node -e): brings lo up, relays TCP to the Unix socket.
const RELAY = `
const net = require('net');
require('child_process').execFileSync('ip', ['link', 'set', 'lo', 'up']);
const [port, sock] = process.argv.slice(1);
net.createServer((c) => {
  const u = net.connect(sock);
  const end = () => { c.destroy(); u.destroy(); };
  c.on('error', end); u.on('error', end); c.on('close', end); u.on('close', end);
  c.pipe(u).pipe(c);
}).listen(Number(port), '127.0.0.1', () => console.log('ready'));
`;

export interface LoopbackNet {
  /** Whether the browsers really are alone on loopback. */
  isolated: boolean;
  launch(args: readonly string[]): Promise<Browser>;
  /** The hub becomes unreachable for the browsers of this net (connections reset, new ones refused). */
  cut(): void;
  close(): Promise<void>;
}

let made = 0;

export async function loopbackNet(hubUrl: string): Promise<LoopbackNet> {
  const port = Number(new URL(hubUrl).port);
  const id = `${process.pid}-${++made}`;
  const sock = join(tmpdir(), `tongban-consult-${id}.sock`);
  const wrapper = join(tmpdir(), `tongban-consult-chromium-${id}.sh`);
  // A namespace of our own, with its loopback up (needs root and iproute2).
  const isolated = spawnSync('unshare', ['-n', 'ip', 'link', 'set', 'lo', 'up']).status === 0;
  if (!isolated) {
    console.warn(
      'consult e2e: network namespaces are not permitted here; the browsers share the machine’s network with the hub',
    );
    return {
      isolated,
      launch: (args) => chromium.launch({ executablePath: CHROMIUM, args: [...args] }),
      cut: () => {
        throw new Error('cutting the hub off needs a network namespace (run as root)');
      },
      close: async () => undefined,
    };
  }

  const open = new Set<Socket>();
  const outside: Server = createServer((inner) => {
    const hub = createConnection(port, '127.0.0.1');
    open.add(inner);
    const end = () => {
      inner.destroy();
      hub.destroy();
      open.delete(inner);
    };
    for (const s of [inner, hub]) s.on('error', end).on('close', end);
    inner.pipe(hub).pipe(inner);
  });
  await new Promise<void>((resolve) => outside.listen(sock, resolve));

  const relay: ChildProcess = spawn(
    'unshare',
    ['-n', '--', process.execPath, '-e', RELAY, String(port), sock],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    relay.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
    relay.once('exit', (code) => reject(new Error(`loopback relay exited (${code})`)));
  });
  writeFileSync(wrapper, `#!/bin/sh\nexec nsenter -t ${relay.pid} -n ${CHROMIUM} "$@"\n`, {
    mode: 0o755,
  });

  return {
    isolated,
    launch: (args) => chromium.launch({ executablePath: wrapper, args: [...args] }),
    cut: () => {
      outside.close();
      for (const s of open) s.destroy();
    },
    close: async () => {
      relay.kill('SIGTERM');
      await new Promise<void>((resolve) => outside.close(() => resolve()));
      rmSync(wrapper, { force: true });
      rmSync(sock, { force: true });
    },
  };
}
