// Types of start-electron.mjs for the TypeScript that imports it (its unit test).
import type { ChildProcess } from 'node:child_process';

export declare const NO_ELECTRON_NOTE: string;
export declare function electronBinary(root: string): string | null;
export declare function electronLaunch(root: string, hubUrl: string, env?: NodeJS.ProcessEnv): { command: string; args: string[]; env: NodeJS.ProcessEnv } | null;
export declare function waitForHub(hubUrl: string, ms?: number): Promise<boolean>;
export declare function startDesktop(root: string, hubUrl: string, options?: { build?: boolean }): Promise<ChildProcess | null>;
