// The application frame: enroll once, log in, then the counter's work with the sync status below.
import { App as AntApp, Button, ConfigProvider, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { useCallback, useEffect, useState } from 'react';
import { hallName } from '../../shared/halls';
import { ROLE_LABELS } from '../../shared/protocol/primitives';
import type { DeviceIdentity } from '../data/db';
import { deviceIdentity } from '../data/device';
import { refreshAuthorityKeys } from '../data/authority-keys';
import { refreshStaffDirectory } from '../data/staff-directory';
import { refreshCalendar, refreshCatalog } from '../data/catalog-store';
import { LOCK_AFTER_MS, type Session } from '../data/session';
import { startSync } from '../data/sync-client';
import { EnrollScreen } from '../features/enroll/EnrollScreen';
import { LoginScreen } from '../features/login/LoginScreen';
import { LockScreen } from '../ui/LockScreen';
import { ConsultDock } from '../features/consult/ConsultDock';
import { StatusBar } from '../ui/StatusBar';
import { AppContext } from './session-context';
import { routes, type RouteKey } from './routes';

export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#b5242b' } }} button={{ autoInsertSpace: false }}>
      <AntApp>
        <Root />
      </AntApp>
    </ConfigProvider>
  );
}

function Root() {
  const [device, setDevice] = useState<DeviceIdentity | null | undefined>(undefined);
  const [session, setSession] = useState<Session | null>(null);
  useEffect(() => {
    void deviceIdentity().then((d) => setDevice(d ?? null));
  }, []);
  useEffect(() => {
    if (!device) return;
    startSync();
    // The catalog and calendar are refreshed when the hub is reachable; offline, the cached ones serve.
    void refreshCatalog().catch(() => undefined);
    void refreshCalendar().catch(() => undefined);
    void refreshAuthorityKeys().catch(() => undefined);
    void refreshStaffDirectory().catch(() => undefined);
  }, [device]);

  useEffect(() => {
    // New colleagues appear in the directory: refresh it whenever someone logs in.
    if (session) void refreshStaffDirectory().catch(() => undefined);
  }, [session]);

  if (device === undefined) return <Spin fullscreen tip="正在启动" />;
  if (device === null) return <EnrollScreen onEnrolled={setDevice} />;
  if (!session) return <LoginScreen device={device} onLogin={setSession} />;
  return <Frame device={device} session={session} logout={() => setSession(null)} />;
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
  const navigate = useCallback((key: RouteKey, param?: string) => setRoute({ key, ...(param ? { param } : {}) }), []);
  const current = routes.find((r) => r.key === route.key) ?? routes[0]!;
  const Page = current.component;
  return (
    <AppContext.Provider value={{ device, session, logout }}>
      <Layout style={{ height: '100vh' }}>
        <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, color: '#fff', paddingInline: 20 }}>
          <Typography.Text style={{ color: '#fff', fontSize: 18, fontWeight: 600 }}>通办</Typography.Text>
          <Menu
            theme="dark"
            mode="horizontal"
            selectedKeys={[current.menu ?? current.key]}
            style={{ flex: 1, minWidth: 0 }}
            items={routes.filter((r) => r.label).map((r) => ({ key: r.key, label: r.label }))}
            onClick={(e) => navigate(e.key as RouteKey)}
          />
          <Space>
            <Tag color="gold">{hallName(device.hallId)}</Tag>
            <span>
              {session.staff.name}（{session.staff.roles.map((r) => ROLE_LABELS[r]).join('、')}）{session.mode === 'offline' ? ' · 离线登录' : ''}
            </span>
            <Button size="small" onClick={logout}>
              退出
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ overflow: 'auto', padding: 16 }}>
          <Page navigate={navigate} param={route.param} />
        </Layout.Content>
        <StatusBar />
      </Layout>
      <ConsultDock />
      {locked && <LockScreen session={session} onUnlock={unlock} onLogout={logout} />}
    </AppContext.Provider>
  );
}
