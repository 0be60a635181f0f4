// Prometheus metrics of one hub process (GET /metrics).
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    pushEvents: new Counter({ name: 'tongban_push_events_total', help: 'Events answered on push, by status', labelNames: ['status'], registers: [registry] }),
    pushSeconds: new Histogram({ name: 'tongban_push_seconds', help: 'Time to answer one push', buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5], registers: [registry] }),
    pullEvents: new Counter({ name: 'tongban_pull_events_total', help: 'Events sent on pull', registers: [registry] }),
    connected: new Gauge({ name: 'tongban_connected_devices', help: 'Devices connected to this process', registers: [registry] }),
    refusedConnections: new Counter({ name: 'tongban_refused_connections_total', help: 'Handshakes refused, by code', labelNames: ['code'], registers: [registry] }),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
