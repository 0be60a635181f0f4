// Settings in the desktop shell: the repository over a real `conf` store on disk (the library
// electron-store is built on; electron-store itself needs the Electron runtime at import).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/bridge';
import { SettingsRepository } from '../../../electron/main/settings-repository';

const dir = mkdtempSync(join(tmpdir(), 'tongban-settings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const open = (name: string) => new SettingsRepository(new Conf<Record<string, unknown>>({ projectName: 'tongban-test', cwd: join(dir, name), configName: 'settings' }));

describe('SettingsRepository', () => {
  it('writes every setting of the issue to the store file, and reads it back after a restart', () => {
    const repo = open('a');
    const changes: string[] = [];
    repo.onChange((next, prev) => changes.push(`${prev.hubUrl || '∅'} → ${next.hubUrl}`));
    expect(repo.set({ hubUrl: 'https://hub.jjj.gov.cn', hallId: 'SJZ', counterNo: 12, printer: 'Kyocera', cameraDeviceId: 'cam', language: 'zh-CN' })).toMatchObject({ ok: true });
    const onDisk = JSON.parse(readFileSync(join(dir, 'a', 'settings.json'), 'utf8')) as Record<string, unknown>;
    expect(onDisk).toMatchObject({ hubUrl: 'https://hub.jjj.gov.cn', hallId: 'SJZ', counterNo: 12, printer: 'Kyocera', cameraDeviceId: 'cam', language: 'zh-CN' });
    expect(open('a').get()).toEqual({ ...DEFAULT_SETTINGS, hubUrl: 'https://hub.jjj.gov.cn', hallId: 'SJZ', counterNo: 12, printer: 'Kyocera', cameraDeviceId: 'cam' });
    expect(changes).toEqual(['∅ → https://hub.jjj.gov.cn']);
  });

  it('refuses a bad patch as a value and leaves the file as it was', () => {
    const repo = open('b');
    repo.set({ printer: 'Kyocera' });
    const before = readFileSync(join(dir, 'b', 'settings.json'), 'utf8');
    expect(repo.set({ counterNo: -1 })).toMatchObject({ ok: false, error: { code: 'INVALID_SETTINGS' } });
    expect(repo.set(null)).toMatchObject({ ok: false });
    expect(readFileSync(join(dir, 'b', 'settings.json'), 'utf8')).toBe(before);
  });

  it('reads a hand-edited file field by field: a bad field falls back to its default, the rest stay', () => {
    const repo = open('c');
    repo.set({ printer: 'Kyocera' });
    writeFileSync(join(dir, 'c', 'settings.json'), JSON.stringify({ hubUrl: 'javascript:alert(1)', printer: 'Kyocera', counterNo: 'three', language: 'fr', unknown: true }));
    expect(open('c').get()).toEqual({ ...DEFAULT_SETTINGS, printer: 'Kyocera' });
  });
});
