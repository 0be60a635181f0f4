// Every IPC handler behind one gate: the sender must be our own page's main frame (app://tongban),
// and the arguments must pass the channel's zod schema, before a handler runs. Replies are Results.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { IPC_ARGS, IPC_CHANNELS, ipcArgsProblem, type IpcChannel, type IpcHandles, type IpcReply } from '../../shared/ipc';
import type { Problem } from '../../shared/result';
import { isAppUrl } from './app-origin';

/** A handler's refusal with a reason the renderer shows as is. */
export class IpcRefusal extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

export type IpcHandlerMap = {
  [C in IpcChannel]: (...args: IpcHandles[C]['parsed']) => Promise<IpcHandles[C]['result']>;
};

/** The parts of the invoke event the gate reads. */
export type IpcSender = Pick<IpcMainInvokeEvent, 'senderFrame'>;

/** Our page's main frame, and nothing else: not a subframe, not a page that navigated elsewhere. */
export function senderAllowed(event: IpcSender): boolean {
  const frame = event.senderFrame;
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}

/** One invocation through the gate; exported so a test can call it as ipcMain would. */
export async function handleInvoke<C extends IpcChannel>(handlers: IpcHandlerMap, channel: C, event: IpcSender, args: unknown[]): Promise<IpcReply<C>> {
  if (!senderAllowed(event)) {
    return { ok: false, error: { code: 'FORBIDDEN_SENDER', message: `拒绝来自 ${event.senderFrame?.url ?? '未知页面'} 的请求：只接受本程序页面的调用` } };
  }
  const parsed = IPC_ARGS[channel].safeParse(args);
  if (!parsed.success) return { ok: false, error: ipcArgsProblem(channel, args) };
  try {
    const handler = handlers[channel] as (...a: unknown[]) => Promise<IpcHandles[C]['result']>;
    return { ok: true, value: await handler(...(parsed.data as unknown[])) };
  } catch (err) {
    if (err instanceof IpcRefusal) return { ok: false, error: err.problem };
    return { ok: false, error: { code: 'INTERNAL', message: `桌面程序内部错误：${err instanceof Error ? err.message : String(err)}` } };
  }
}

/** Registers every channel of the contract, each through the gate. */
export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, handlers: IpcHandlerMap): void {
  for (const channel of IPC_CHANNELS) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => handleInvoke(handlers, channel, event, args));
  }
}
