// The IPC channel map between the Electron preload and main: one typed contract for both sides.
// Every channel's arguments have a zod schema the main process checks; every reply is a Result, so
// a refusal crosses the process boundary as a value with its reason instead of a mangled exception.
import { z } from 'zod';
import {
  checkPrintRequest,
  checkSettingsPatch,
  PrintRequest,
  SettingsPatch,
  type AppInfo,
  type Capabilities,
  type CounterSettings,
  type PrinterInfo,
  type PrintOutcome,
  type StagedUpdate,
} from './bridge';
import type { Problem, Result } from './result';

export const IPC_ARGS = {
  'tongban:app-info': z.tuple([]),
  'tongban:capabilities': z.tuple([]),
  'tongban:get-settings': z.tuple([]),
  'tongban:set-settings': z.tuple([SettingsPatch]),
  'tongban:print': z.tuple([PrintRequest]),
  'tongban:printers': z.tuple([]),
  'tongban:update-from-usb': z.tuple([]),
  'tongban:install-update': z.tuple([z.string().min(1).max(64)]),
} as const;

export type IpcChannel = keyof typeof IPC_ARGS;

interface IpcResults {
  'tongban:app-info': AppInfo;
  'tongban:capabilities': Capabilities;
  'tongban:get-settings': CounterSettings;
  'tongban:set-settings': CounterSettings;
  'tongban:print': PrintOutcome;
  'tongban:printers': PrinterInfo[];
  'tongban:update-from-usb': StagedUpdate;
  'tongban:install-update': null;
}

export type IpcHandles = {
  [C in IpcChannel]: { args: z.input<(typeof IPC_ARGS)[C]>; parsed: z.output<(typeof IPC_ARGS)[C]>; result: IpcResults[C] };
};

/** What goes back over the wire for every channel. */
export type IpcReply<C extends IpcChannel> = Result<IpcHandles[C]['result']>;

export const IPC_CHANNELS = Object.keys(IPC_ARGS) as IpcChannel[];

/**
 * Why a channel's arguments are refused. Settings and print requests are refused in the words the web
 * bridge uses for the same input, so the UI reads one text whichever shell it runs in.
 */
export function ipcArgsProblem(channel: IpcChannel, args: readonly unknown[]): Problem {
  if (args.length === 1 && channel === 'tongban:set-settings') {
    const r = checkSettingsPatch(args[0]);
    if (!r.ok) return r.error;
  }
  if (args.length === 1 && channel === 'tongban:print') {
    const r = checkPrintRequest(args[0]);
    if (!r.ok) return r.error;
  }
  const issue = IPC_ARGS[channel].safeParse(args).error?.issues[0];
  const where = issue?.path.slice(1).map(String).join('.');
  return { code: 'INVALID_REQUEST', message: `请求参数错误：${where ? `${where}：` : ''}${issue?.message ?? '格式错误'}` };
}
