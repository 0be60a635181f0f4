// The hub's native and database packages never reach the Electron app, and nothing is rebuilt for it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const json = (p: string) => JSON.parse(readFileSync(p, 'utf8')) as Record<string, Record<string, string> | undefined>;
const root = json('package.json');
const hub = json('hub/package.json');
const builder = parse(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown>;
const HUB_ONLY = ['better-sqlite3', 'pg', 'kysely', 'fastify', 'socket.io', '@socket.io/redis-streams-adapter', 'redis'];

describe('packaging', () => {
  it('keeps the hub runtime in the hub workspace, out of the app dependencies', () => {
    for (const name of HUB_ONLY) {
      expect(root.dependencies?.[name]).toBeUndefined();
      expect(hub.dependencies?.[name]).toBeDefined();
    }
  });
  it('pins better-sqlite3 to 12 (13 crashes on Node 20)', () => {
    expect(hub.dependencies?.['better-sqlite3']).toMatch(/^12\./);
  });
  it('rebuilds nothing for Electron and packs only the built app', () => {
    expect(builder.npmRebuild).toBe(false);
    expect(builder.nodeGypRebuild).toBe(false);
    const files = builder.files as string[];
    expect(files.filter((f) => !f.startsWith('!')).every((f) => f.startsWith('out/') || f === 'package.json')).toBe(true);
    expect(files.some((f) => f.includes('hub'))).toBe(false);
  });
  it('sets the security fuses', () => {
    expect(builder.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });
});
