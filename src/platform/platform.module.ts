import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createEventRegistry } from '../event-types';
import { CLOCK, systemClock } from './clock/clock';
import { CommandPipeline } from './commands/command-pipeline';
import { APP_CONFIG, AppConfig } from './config/config';
import { connectionLossListener, guardPoolClients } from './database/connection-loss';
import { runMigrations } from './database/migrate';
import { EVENT_STORE, EventStore } from './event-store/event-store.port';
import { openEventStore } from './event-store/open-event-store';
import { EventRegistry } from './events/event-registry';
import { Metrics } from './metrics/metrics';

/**
 * Process-wide ports and services. The caller supplies APP_CONFIG (with a database URL);
 * migrations run before anything uses the database.
 */
@Global()
@Module({})
export class PlatformModule implements OnApplicationShutdown {
  static forRoot(config: AppConfig, overrides: { metrics?: Metrics } = {}) {
    return {
      module: PlatformModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: CLOCK, useValue: systemClock },
        { provide: Metrics, useValue: overrides.metrics ?? new Metrics() },
        { provide: EventRegistry, useFactory: createEventRegistry },
        {
          provide: DataSource,
          useFactory: async () => {
            await runMigrations(config.databaseUrl!);
            const lost = connectionLossListener('database pool');
            const ds = new DataSource({
              type: 'postgres', url: config.databaseUrl, extra: { max: 20 }, logging: false,
              // A broken connection (a database restart) must not kill the process, idle or held.
              poolErrorHandler: lost,
            });
            await ds.initialize();
            guardPoolClients((ds.driver as unknown as { master: Parameters<typeof guardPoolClients>[0] }).master, lost); // TypeORM's pg Pool
            return ds;
          },
        },
        { provide: EVENT_STORE, inject: [DataSource, EventRegistry], useFactory: (_db: DataSource, registry: EventRegistry) => openEventStore(config, registry) },
        CommandPipeline,
      ],
      exports: [APP_CONFIG, CLOCK, Metrics, EventRegistry, DataSource, EVENT_STORE, CommandPipeline],
    };
  }

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly db: DataSource,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close().catch(() => undefined);
    if (this.db.isInitialized) await this.db.destroy();
  }
}
