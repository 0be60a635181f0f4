// The logged-in staff member and this device, for every screen below the frame.
import { createContext, useContext } from 'react';
import type { DeviceIdentity } from '../data/db';
import type { Session } from '../data/session';

export interface AppContextValue {
  device: DeviceIdentity;
  session: Session;
  logout(): void;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const v = useContext(AppContext);
  if (!v) throw new Error('useApp outside the logged-in frame');
  return v;
}
