import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PeriodicJob } from '../../../cases/shared/periodic-job';
import { CLOCK, Clock } from '../../../platform/clock/clock';
import { APP_CONFIG, AppConfig } from '../../../platform/config/config';
import { PushUrlPolicy } from '../url-policy/push-url-policy';
import { PushDelivery, PushRun } from './push-delivery';

/**
 * The DFDG push worker: every `DFDG_PUSH_INTERVAL_MS` (0: never) one delivery pass, in one
 * process at a time across the cluster (a PostgreSQL advisory lock). On shutdown, pushes in
 * flight are cut off and stay pending, so the next pass (here or elsewhere) sends them again.
 */
@Injectable()
export class DfdgPushWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly job: PeriodicJob;
  private readonly delivery: PushDelivery;

  constructor(
    db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    // The outbox is a projection's table: on a fresh database the worker waits for it.
    this.job = new PeriodicJob(db, 'dfdg:push', config.dfdgPush.intervalMs, { needs: ['dfdg_messages'] });
    this.delivery = new PushDelivery(db, config.dfdgPush, new PushUrlPolicy(config.dfdgPush.allowedHosts));
  }

  onApplicationBootstrap(): void {
    this.job.start(() => this.runOnce());
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.delivery.stop();
    await this.job.stop();
  }

  /** One pass as of `now`; null when another process is delivering. */
  runOnce(now: Date = this.clock.now()): Promise<PushRun | null> {
    return this.job.exclusive(() => this.delivery.pass(now));
  }
}
