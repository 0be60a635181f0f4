// The screens of the frame. A feature adds its page here.
import type { ComponentType } from 'react';
import { IntakePage } from '../features/intake/IntakePage';
import { CaseListPage } from '../features/cases/CaseListPage';
import { CasePage } from '../features/cases/CasePage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { VerifyPage } from '../features/verify/VerifyPage';
import { WorkbenchPage } from '../features/workbench/WorkbenchPage';
import { CorrectionPage } from '../features/workflow/CorrectionPage';
import { HallDirectoryPage } from '../features/consult/HallDirectoryPage';
import { DashboardPage } from '../features/supervision/DashboardPage';
import { FigureListPage } from '../features/supervision/FigureListPage';
import { TechnicianPage } from '../features/technician/TechnicianPage';

export type RouteKey = 'workbench' | 'intake' | 'cases' | 'case' | 'correction' | 'verify' | 'settings' | 'consult' | 'technician' | 'supervision' | 'supervision-list';

export interface PageProps {
  navigate: (key: RouteKey, param?: string) => void;
  param?: string | undefined;
}

export interface RouteDef {
  key: RouteKey;
  label?: string;
  /** The menu entry to highlight, for pages without one. */
  menu?: RouteKey;
  /**
   * The clerk types into it, or presses its shortcuts, right after opening it (a search box with
   * the focus, F3): it is drawn at once, not in a transition (App.tsx), so no key reaches the old screen.
   */
  keysAtOnce?: true;
  component: ComponentType<PageProps>;
}

export const routes: RouteDef[] = [
  { key: 'workbench', label: '工作台', component: WorkbenchPage },
  { key: 'intake', label: '受理', keysAtOnce: true, component: IntakePage },
  { key: 'cases', label: '办件', keysAtOnce: true, component: CaseListPage },
  { key: 'case', menu: 'cases', component: CasePage },
  { key: 'correction', menu: 'cases', component: CorrectionPage },
  { key: 'verify', label: '证照核验', keysAtOnce: true, component: VerifyPage },
  { key: 'consult', label: '会商', component: HallDirectoryPage },
  { key: 'supervision', label: '督查', component: DashboardPage },
  { key: 'supervision-list', menu: 'supervision', component: FigureListPage },
  { key: 'settings', label: '设置', component: SettingsPage },
  { key: 'technician', label: '技术维护', component: TechnicianPage },
];
