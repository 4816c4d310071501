import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** What the failure gauges need of a projection's status (the read side's RunnerStatus has it). */
export interface ProjectionFailureStatus {
  name: string;
  failing?: { kind: string; attempts: number; event?: { type: string }; error: { code?: string } };
}

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
  readonly projectionFailing = new Gauge({
    name: 'projection_failing',
    help: '1 while the projection fails and retries with backoff, else 0 (/health names the event and error)',
    labelNames: ['projection'],
    registers: [this.registry],
  });
  readonly projectionFailures = new Counter({
    name: 'projection_failures_total',
    help: 'Failed tries of a projection batch (each retry counts)',
    labelNames: ['projection'],
    registers: [this.registry],
  });
  readonly projectionRetryAttempts = new Gauge({
    name: 'projection_retry_attempts',
    help: 'Consecutive failed tries of the projection (0 when healthy)',
    labelNames: ['projection'],
    registers: [this.registry],
  });
  // Bounded labels only: event types and SQLSTATE codes are closed sets; event ids stay in /health.
  readonly projectionFailingEvent = new Gauge({
    name: 'projection_failing_event_info',
    help: '1 for each failing projection, labelled with the kind of failure, the failing event type and the error code',
    labelNames: ['projection', 'kind', 'event_type', 'code'],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Sets the failure gauges from the projections' current status. */
  setProjectionFailures(projections: ProjectionFailureStatus[]): void {
    this.projectionFailingEvent.reset(); // drops the labels of failures that ended
    for (const { name, failing } of projections) {
      this.projectionFailing.set({ projection: name }, failing ? 1 : 0);
      this.projectionRetryAttempts.set({ projection: name }, failing?.attempts ?? 0);
      if (failing) {
        const labels = { projection: name, kind: failing.kind, event_type: failing.event?.type ?? '', code: failing.error.code ?? '' };
        this.projectionFailingEvent.set(labels, 1);
      }
    }
  }
}
