// The screens of the frame. A feature adds its page here.
import type { ComponentType } from 'react';
import { IntakePage } from '../features/intake/IntakePage';
import { CaseListPage } from '../features/cases/CaseListPage';
import { CasePage } from '../features/cases/CasePage';
import { SettingsPage } from '../features/settings/SettingsPage';

export type RouteKey = 'intake' | 'cases' | 'case' | 'settings';

export interface PageProps {
  navigate: (key: RouteKey, param?: string) => void;
  param?: string | undefined;
}

export interface RouteDef {
  key: RouteKey;
  label?: string;
  /** The menu entry to highlight, for pages without one. */
  menu?: RouteKey;
  component: ComponentType<PageProps>;
}

export const routes: RouteDef[] = [
  { key: 'intake', label: '受理', component: IntakePage },
  { key: 'cases', label: '办件', component: CaseListPage },
  { key: 'case', menu: 'cases', component: CasePage },
  { key: 'settings', label: '设置', component: SettingsPage },
];
