// The messages between the dashboard page and its worker.
import type { CaseLine, Dashboard, DashboardQuery } from '../../../shared/supervision/dashboard';
import type { WorkerCallReply } from '../../data/worker-calls';

export type WorkerRequest = { id: number; today: string; query: DashboardQuery } & (
  | { kind: 'dashboard' }
  | { kind: 'list'; figure: string; offset: number; limit: number }
);

export interface DashboardAnswer {
  dashboard: Dashboard;
  /** Cases on this counter (all of them, whatever the query). */
  cases: number;
  /** Milliseconds the worker spent: catching up with the store (loading the saved facts the first time), counting. */
  ms: { catchUp: number; count: number };
}

export interface ListAnswer {
  total: number;
  lines: CaseLine[];
}

export type WorkerReply =
  | { kind: 'progress'; done: number; total: number }
  | WorkerCallReply;
