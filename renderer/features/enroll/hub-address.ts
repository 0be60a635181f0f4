// Before the first request to a hub, the shell must allow it: the desktop app's CSP names the hub
// from its settings, and a page's CSP is fixed when it loads. So a new hub address is saved first and
// the desktop page reloads; the form the technician filled is kept in sessionStorage over the reload
// and sent on by itself. In a browser the page comes from the hub itself and nothing reloads.
import { platform } from '../../platform/platform';

const PENDING = 'tongban.pendingEnrollment';

export interface PendingEnrollment {
  hubUrl: string;
  code: string;
  deviceName: string;
}

/** 'ready' when requests to the hub are allowed now; 'reloading' when the page is about to reload. */
export async function allowHub(hubUrl: string, form: PendingEnrollment): Promise<'ready' | 'reloading'> {
  const settings = await platform().getSettings();
  if (settings.hubUrl === hubUrl) return 'ready';
  await platform().setSettings({ hubUrl });
  if ((await platform().appInfo()).shell !== 'electron') return 'ready';
  sessionStorage.setItem(PENDING, JSON.stringify(form));
  window.location.reload();
  return 'reloading';
}

/** The form kept over a reload, once: it is removed as it is read. */
export function takePendingEnrollment(): PendingEnrollment | null {
  const raw = sessionStorage.getItem(PENDING);
  sessionStorage.removeItem(PENDING);
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as PendingEnrollment;
    return typeof v.hubUrl === 'string' && typeof v.code === 'string' && typeof v.deviceName === 'string' ? v : null;
  } catch {
    return null;
  }
}
