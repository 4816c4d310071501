import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../src/platform/config/config';
import { EVENT_STORE, EventStore } from '../src/platform/event-store/event-store.port';
import { EventRegistry } from '../src/platform/events/event-registry';
import { Metrics } from '../src/platform/metrics/metrics';
import { definitionHash } from './runner/apply-batch';
import { ProjectionRunner, RunnerStatus } from './runner/projection-runner';
import { recordDefinitionChange } from './runner/definition-changes';
import { failureLog } from './runner/failure-log';
import { rebuildProjection } from './runner/rebuild';
import { PROJECTIONS } from './projections';

export interface ProjectionHealth extends RunnerStatus {
  lag: number | null;
}

/** Starts a runner per projection with the app and stops each at a batch boundary on shutdown. */
@Injectable()
export class ProjectionsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Projections');
  readonly runners: ProjectionRunner[];
  private starting?: Promise<void>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DataSource,
    private readonly registry: EventRegistry,
    private readonly metrics: Metrics,
  ) {
    this.runners = PROJECTIONS.map(
      (p) =>
        new ProjectionRunner(store, db, registry, p, {
          batchSize: config.projections.batchSize,
          pollIntervalMs: config.projections.pollIntervalMs,
          retryMaxMs: config.projections.retryMaxMs,
          onBatch: (n) => this.metrics.projectionEvents.inc({ projection: p.name }, n),
          onError: () => this.metrics.projectionFailures.inc({ projection: p.name }),
          ...failureLog(this.logger, p.name),
        }),
    );
  }

  onApplicationBootstrap(): void {
    if (!this.config.projections.enabled) return;
    this.starting = Promise.all(this.runners.map((r) => this.startRunner(r))).then(() => undefined);
  }

  /**
   * A projection whose definition changed since its table was built is rebuilt first; a published
   * one (the DFDG outbox) keeps what it published, and the change applies from its checkpoint on.
   */
  private async startRunner(runner: ProjectionRunner): Promise<void> {
    try {
      const [row] = await this.db.query(`SELECT definition_hash FROM projection_checkpoints WHERE name = $1`, [runner.projection.name]);
      if (row && row.definition_hash !== definitionHash(runner.projection)) {
        if (runner.projection.published) {
          const change = await recordDefinitionChange(this.db, runner.projection);
          this.logger.log({ projection: runner.projection.name, ...change }, 'definition changed: published rows are kept, the new definition applies from the checkpoint on');
        } else {
          this.logger.log({ projection: runner.projection.name }, 'definition changed: rebuilding');
          await rebuildProjection(this.store, this.db, this.registry, runner.projection, { batchSize: this.config.projections.batchSize });
        }
      }
    } catch (error) {
      this.logger.error({ projection: runner.projection.name, err: String(error) }, 'rebuild at start failed');
    }
    runner.start();
  }

  /** Each runner's status and lag; refreshes the lag and failure gauges of /metrics. */
  async health(): Promise<ProjectionHealth[]> {
    const health = await Promise.all(
      this.runners.map(async (r) => {
        const lag = await r.lag().catch(() => null);
        if (lag !== null) this.metrics.projectionLag.set({ projection: r.projection.name }, lag);
        return { ...r.status(), lag };
      }),
    );
    this.metrics.setProjectionFailures(health);
    return health;
  }

  /** Test and CLI helper: process everything visible now. */
  async catchUpAll(): Promise<void> {
    for (const r of this.runners) {
      if (!r.status().checkpoint) await r.prepare();
      await r.catchUp();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.starting;
    await Promise.all(this.runners.map((r) => r.stop()));
  }
}
