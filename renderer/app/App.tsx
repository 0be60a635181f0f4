// The application frame: enroll once, log in, then the counter's work with the sync status below.
import { App as AntApp, Button, ConfigProvider, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { Activity, memo, startTransition, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceIdentity } from '../data/db';
import { deviceIdentity } from '../data/device';
import { refreshAuthorityKeys } from '../data/authority-keys';
import { refreshStaffDirectory } from '../data/staff-directory';
import { LOCK_AFTER_MS, type Session } from '../data/session';
import { startSync } from '../data/sync-client';
import { EnrollScreen } from '../features/enroll/EnrollScreen';
import { LoginScreen } from '../features/login/LoginScreen';
import { LockScreen } from '../ui/LockScreen';
import { ConsultDock } from '../features/consult/ConsultDock';
import { StatusBar } from '../ui/StatusBar';
import { useReducedMotion } from '../ui/use-reduced-motion';
import { warmDashboard } from '../features/supervision/dashboard-client';
import { startCaseList } from '../features/cases/case-list-client';
import { applyLanguage, translated } from '../i18n';
import { hallLabel, rolesLabel } from '../i18n/labels';
import { platform } from '../platform/platform';
import { AppContext, useApp } from './session-context';
import { routes, type RouteKey } from './routes';
import { THEME_TOKEN } from '../ui/theme';
import { Later } from '../ui/Later';
import { CaseListPage } from '../features/cases/CaseListPage';

export function App() {
  // antd's own texts (pickers, pagination, empty lists) follow the language chosen in Settings.
  const { i18n } = useTranslation();
  // Motion follows the system's "reduce motion" setting: off, every control shows its end state at once.
  const motion = !useReducedMotion();
  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : zhCN}
      // Components styled by antd's prebuilt stylesheet (main.tsx imports it), not made at run time.
      theme={{ token: { ...THEME_TOKEN, motion }, zeroRuntime: true }}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <Root />
      </AntApp>
    </ConfigProvider>
  );
}

function Root() {
  const { t } = useTranslation();
  const [device, setDevice] = useState<DeviceIdentity | null | undefined>(undefined);
  const [session, setSession] = useState<Session | null>(null);
  const logout = useCallback(() => setSession(null), []);
  useEffect(() => {
    // The language is applied before the first screen, so it never shows in the other one first.
    const language = platform()
      .getSettings()
      .then((s) => applyLanguage(s.language))
      .catch(() => undefined);
    void Promise.all([deviceIdentity(), language]).then(([d]) => setDevice(d ?? null));
  }, []);
  useEffect(() => {
    if (!device) return;
    startSync();
    // The case list's worker reads the cases while the login screen is on: its start (a thread, its
    // code compiled) and its first read are not in the frame's first drawing after the login, and
    // the list has them sooner. It holds them in its own memory; nothing is shown before a login.
    startCaseList();
    // The authority keys and staff directory are refreshed when the hub is reachable (the catalog and
    // calendar by the sync worker); offline, the cached ones serve. A failure is logged (offline it
    // is expected; otherwise it is a fault to see).
    const logged = (what: string) => (e: unknown) => console.warn(`${what}未能更新，沿用本机已存的`, e);
    void refreshAuthorityKeys().catch(logged('签发机关公钥'));
    void refreshStaffDirectory().catch(logged('工作人员名录'));
  }, [device]);

  useEffect(() => {
    // New colleagues appear in the directory: refresh it whenever someone logs in. A task after the
    // frame's first drawing: its first store read (some 8 ms) fell in that drawing's task.
    if (!session) return;
    const id = window.setTimeout(() => void refreshStaffDirectory().catch(() => undefined), 0);
    return () => window.clearTimeout(id);
  }, [session]);
  // A supervisor's dashboard counts every case on the machine: its worker starts on login.
  useEffect(() => {
    if (session?.staff.roles.includes('supervisor')) warmDashboard();
  }, [session]);

  if (device === undefined) return <Spin fullscreen tip={t('frame.starting')} />;
  // The login screen after an enrollment renders as a transition too, in slices.
  if (device === null) return <EnrollScreen onEnrolled={(d) => startTransition(() => setDevice(d))} />;
  // The counter's screens render as a transition, in slices: the login screen stays until they are ready.
  if (!session) return <LoginScreen device={device} onLogin={(s) => startTransition(() => setSession(s))} />;
  return <Frame device={device} session={session} logout={logout} />;
}

function useIdleLock(ms: number): [boolean, () => void] {
  const [locked, setLocked] = useState(false);
  useEffect(() => {
    let timer = window.setTimeout(() => setLocked(true), ms);
    const reset = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => setLocked(true), ms);
    };
    const events = ['mousemove', 'keydown', 'mousedown', 'touchstart', 'wheel'];
    for (const e of events) window.addEventListener(e, reset, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, reset);
    };
  }, [ms, locked]);
  return [locked, () => setLocked(false)];
}

function Frame({ device, session, logout }: { device: DeviceIdentity; session: Session; logout: () => void }) {
  // Clerks start at intake, where most of their day goes; reviewers and supervisors at their queues.
  const [route, setRoute] = useState<{ key: RouteKey; param?: string }>({ key: session.staff.roles.includes('clerk') ? 'intake' : 'workbench' });
  const [locked, unlock] = useIdleLock(Number(localStorage.getItem('tongban.lockAfterMs')) || LOCK_AFTER_MS);
  // The case list, once opened, stays mounted while the clerk is on another screen (hidden, its
  // effects and live queries stopped): coming back from a case shows it as it was, with no whole
  // screen to draw again (150 ms and more at 200,000 cases on a slow counter).
  const [listKept, setListKept] = useState(false);
  // A change of screen renders as a transition: React draws the new screen in slices while the old
  // one stays, commits it, and runs its effects in a task after the paint (a case's page, drawn at
  // once from the list's Enter, was one task of 70 ms on a slow counter). Not the screens a clerk
  // types into, or presses shortcuts on (F3), right after the click (routes.tsx, keysAtOnce):
  // those keys would reach the old screen while the new one is drawn. Those draw at once, and keep
  // their first task short by drawing their heavier parts a pass later (ui/Later.tsx).
  const navigate = useCallback((key: RouteKey, param?: string) => {
    const go = () => {
      if (key === 'cases') setListKept(true);
      setRoute({ key, ...(param ? { param } : {}) });
    };
    if (routes.find((r) => r.key === key)?.keysAtOnce) go();
    else startTransition(go);
  }, []);
  const current = routes.find((r) => r.key === route.key) ?? routes[0]!;
  const Page = current.component;
  const onList = route.key === 'cases';
  // The same value while the login lasts: what reads it is not drawn again at every change of screen.
  const app = useMemo(() => ({ device, session, logout }), [device, session, logout]);
  return (
    <AppContext.Provider value={app}>
      <Layout style={{ height: '100vh' }}>
        <FrameHeader selected={current.menu ?? current.key} navigate={navigate} />
        <Layout.Content style={{ overflow: 'auto', padding: 16 }}>
          {listKept ? (
            <Activity mode={onList ? 'visible' : 'hidden'}>
              <CaseListPage navigate={navigate} />
            </Activity>
          ) : null}
          {onList && listKept ? null : <Page navigate={navigate} param={route.param} />}
        </Layout.Content>
        {/* Drawn just after the rest of the frame (the screen's controls first), so its first task stays short. */}
        <Later>
          <StatusBar />
        </Later>
      </Layout>
      <Later>
        <ConsultDock />
      </Later>
      {locked && <LockScreen session={session} onUnlock={unlock} onLogout={logout} />}
    </AppContext.Provider>
  );
}

/**
 * The app's name, the menu and who is logged in. Memoised: a change of screen draws it again only
 * for the menu's selection, not with the whole frame.
 */
const FrameHeader = memo(function FrameHeader({ selected, navigate }: { selected: RouteKey; navigate: (key: RouteKey) => void }) {
  const { t, i18n } = useTranslation();
  const { device, session, logout } = useApp();
  const items = useMemo(
    () => routes.filter((r) => r.label).map((r) => ({ key: r.key, label: translated(`frame.menu.${r.key}`, r.label ?? r.key) })),
    // translated() reads the language from i18n itself: made again when it changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [i18n.language],
  );
  return (
    <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, color: '#fff', paddingInline: 20 }}>
      <Typography.Text style={{ color: '#fff', fontSize: 18, fontWeight: 600 }}>{t('frame.appName')}</Typography.Text>
      {/* The menu measures its entries for the overflow entry when it first shows (a layout and a
          second drawing): a pass of its own, after the rest of the frame. Its place is kept meanwhile.
          Controls may come a pass later when they are reached by a click and nothing is typed into them. */}
      <div style={{ flex: 1, minWidth: 0 }}>
        <Later>
          <Menu theme="dark" mode="horizontal" selectedKeys={[selected]} items={items} onClick={(e) => navigate(e.key as RouteKey)} />
        </Later>
      </div>
      <Space>
        <Tag color="gold">{hallLabel(device.hallId)}</Tag>
        <span>
          {t('frame.staff', { name: session.staff.name, roles: rolesLabel(session.staff.roles) })}
          {session.mode === 'offline' ? t('frame.offlineLogin') : ''}
        </span>
        <Button size="small" onClick={logout}>
          {t('frame.logout')}
        </Button>
      </Space>
    </Layout.Header>
  );
});
