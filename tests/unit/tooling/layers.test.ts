// The lint setup enforces DESIGN.md's layers: each forbidden import fails, each allowed one passes.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.message);
}

describe('layer rules', () => {
  const refused: [string, string][] = [
    ['shared/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;"],
    ['shared/x.ts', "import { readFileSync } from 'fs';\nexport const a = readFileSync;"],
    ['shared/x.ts', "import { EventEmitter } from 'events';\nexport const a = EventEmitter;"],
    ['shared/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['shared/case/x.ts', "import { a } from '../../hub/store/db';\nexport const b = a;"],
    ['shared/x.ts', "import { a } from '../renderer/app/App';\nexport const b = a;"],
    ['shared/x.ts', "import { a } from '../electron/main/index';\nexport const b = a;"],
    ['shared/x.ts', "import React from 'react';\nexport const a = React;"],
    ['shared/x.ts', 'export const a = window.location;'],
    ['shared/x.ts', 'export const a = process.env;'],
    ['shared/x.ts', 'export const a = Buffer.from([]);'],
    ['renderer/x.ts', "import { a } from '../hub/http/routes';\nexport const b = a;"],
    ['renderer/x.ts', "import { ipcRenderer } from 'electron';\nexport const b = ipcRenderer;"],
    ['renderer/x.ts', "import { a } from '../electron/main/index';\nexport const b = a;"],
    ['renderer/x.ts', "import { readFileSync } from 'node:fs';\nexport const b = readFileSync;"],
    ['hub/x.ts', "import { a } from '../renderer/app/App';\nexport const b = a;"],
    ['hub/x.ts', "import { a } from '../electron/main/index';\nexport const b = a;"],
    ['electron/main/x.ts', "import { a } from '../../hub/cli/main';\nexport const b = a;"],
    ['electron/main/x.ts', "import { a } from '../../renderer/app/App';\nexport const b = a;"],
  ];
  for (const [file, code] of refused) {
    it(`refuses in ${file}: ${code.split('\n')[0]}`, async () => {
      expect((await restricted(file, code)).length).toBeGreaterThan(0);
    });
  }

  const allowed: [string, string][] = [
    ['shared/case/x.ts', "import { EVENT_TYPES } from '../protocol/events';\nexport const a = EVENT_TYPES;"],
    ['shared/x.ts', "import { z } from 'zod';\nexport const a = z;"],
    ['renderer/x.ts', "import { Event } from '../shared/protocol/events';\nexport const a = Event;"],
    ['hub/x.ts', "import { readFileSync } from 'node:fs';\nimport { Event } from '../shared/protocol/events';\nexport const a = [readFileSync, Event];"],
    ['electron/main/x.ts', "import { app } from 'electron';\nimport type { Bridge } from '../../shared/bridge';\nexport const a: Bridge | typeof app = app;"],
  ];
  for (const [file, code] of allowed) {
    it(`allows in ${file}: ${code.split('\n')[0]}`, async () => {
      expect(await restricted(file, code)).toEqual([]);
    });
  }
});
