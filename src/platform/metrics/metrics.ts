import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One Prometheus registry for the process; served at GET /metrics. */
export class Metrics {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly eventsAppended = new Counter({
    name: 'events_appended_total',
    help: 'Events appended to the event store',
    labelNames: ['type'],
    registers: [this.registry],
  });
  readonly appendConflicts = new Counter({
    name: 'append_conflicts_total',
    help: 'Appends rejected for a stale expected revision (before retries)',
    registers: [this.registry],
  });
  readonly projectionLag = new Gauge({
    name: 'projection_lag_events',
    help: 'Events visible in the store that the projection has not processed yet',
    labelNames: ['projection'],
    registers: [this.registry],
  });
  readonly projectionEvents = new Counter({
    name: 'projection_events_total',
    help: 'Events processed by a projection',
    labelNames: ['projection'],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
