import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PeriodicJob } from '../cases/shared/periodic-job';
import { APP_CONFIG, AppConfig } from '../platform/config/config';
import { EVENT_STORE, EventStore } from '../platform/event-store/event-store.port';
import { BlobStore } from './blob-store';
import { namesFile } from './staged-file';

export interface StagingSweepRun {
  /** Staged files an event names after all (their command's outcome was unclear): now stored. */
  promoted: string[];
  /** Staged uploads nothing names (unfinished, or refused without being deleted at once): deleted. */
  deleted: number;
}

/**
 * Every ATTACHMENT_STAGING_SWEEP_INTERVAL_MS, the staged uploads untouched for
 * ATTACHMENT_STAGING_TTL_MS are settled (issue 11): one whose case stream names it is promoted
 * into the store (its command appended, then the process went away or the database did), any
 * other is deleted with its chunks. One process at a time (PeriodicJob's advisory lock).
 */
@Injectable()
export class StagingSweep implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly job: PeriodicJob;

  constructor(
    db: DataSource,
    private readonly blobs: BlobStore,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.job = new PeriodicJob(db, 'attachments:staging-sweep', config.attachmentStaging.sweepIntervalMs);
  }

  onApplicationBootstrap(): void {
    this.job.start(() => this.runOnce());
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }

  /** One sweep; null when another process is running it. `ttlMs` defaults to the configured one. */
  runOnce(ttlMs = this.config.attachmentStaging.ttlMs): Promise<StagingSweepRun | null> {
    return this.job.exclusive(async () => {
      const run: StagingSweepRun = { promoted: [], deleted: 0 };
      for (;;) {
        const stale = await this.blobs.stale(ttlMs);
        let settled = 0;
        for (const staged of stale) {
          if (staged.sha256 && staged.streamId && (await this.streamNames(staged.streamId, staged.sha256))) {
            if (await this.blobs.promote({ storageId: staged.storageId, sha256: staged.sha256 })) run.promoted.push(staged.sha256);
            settled += 1;
          } else if (await this.blobs.discardIfStale(staged.storageId, ttlMs)) {
            run.deleted += 1;
            settled += 1;
          }
        }
        if (stale.length === 0 || settled === 0) return run;
      }
    });
  }

  private async streamNames(streamId: string, sha256: string): Promise<boolean> {
    return (await this.store.readStream(streamId)).some((event) => namesFile(event.data, sha256));
  }
}
