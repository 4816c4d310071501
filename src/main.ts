import 'reflect-metadata';
import * as fs from 'node:fs';
import { createApp } from './app.factory';
import { loadConfig } from './platform/config/config';
import { EmbeddedPostgresHandle, startEmbeddedPostgres } from './platform/database/embedded-postgres';
import { createRootLogger } from './platform/logging/logger';

/**
 * `npm start`: with DATABASE_URL it uses that server, otherwise an embedded PostgreSQL
 * whose data stays under ./.data/. SIGTERM stops taking requests, lets in-flight ones
 * finish, stops the projection runners at a batch boundary, then stops the database.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createRootLogger(config.logLevel);
  let embedded: EmbeddedPostgresHandle | undefined;
  if (!config.databaseUrl) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedPostgresPort,
      persistent: true,
      warn: (fields, message) => logger.warn(fields, message),
    });
    config.databaseUrl = embedded.url;
    const { stoppedLeftover, relocated, databaseDir } = embedded;
    logger.info(
      {
        dataDir: config.dataDir, port: config.embeddedPostgresPort,
        // Run as root with DATA_DIR out of the postgres user's reach, its data lives elsewhere (README).
        ...(relocated ? { databaseDir } : {}), ...(stoppedLeftover ? { stoppedLeftover } : {}),
      },
      stoppedLeftover ? 'embedded PostgreSQL started, after stopping the one a crashed run had left running' : 'embedded PostgreSQL started',
    );
  }
  const app = await createApp(config, logger);
  await app.listen(config.port);
  logger.info({ port: config.port, eventStore: config.eventStoreConnectionString ? 'kurrentdb' : 'postgres' }, 'listening');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error('shutdown timed out');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    try {
      // First stop accepting and let in-flight requests finish, then stop runners and pools.
      await new Promise<void>((resolve) => app.getHttpServer().close(() => resolve()));
      await app.close();
      await embedded?.stop();
      logger.info('stopped');
    } finally {
      clearTimeout(timer);
    }
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  console.error(JSON.stringify({ level: 'fatal', msg: 'failed to start', err: String(error?.stack ?? error) }));
  process.exit(1);
});
