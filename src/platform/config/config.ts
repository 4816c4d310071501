/**
 * All configuration comes from the environment, read once here with defaults that
 * make `npm start` work with nothing installed. The README lists every variable.
 */
import * as path from 'node:path';

export interface AppConfig {
  port: number;
  /** When unset, an embedded PostgreSQL is started with its data under `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  embeddedPostgresPort: number;
  /** When set, events go to KurrentDB/EventStoreDB instead of PostgreSQL. */
  eventStoreConnectionString?: string;
  bodyLimitBytes: number;
  /** D12: largest attachment or approval file. */
  attachmentLimitBytes: number;
  /** Uploads no event names yet (issue 11): how long one may stay staged, and how often the sweep deletes older ones (0: never). */
  attachmentStaging: { ttlMs: number; sweepIntervalMs: number };
  /** Largest accepted text/csv body of a reference-data import (the bulk format). */
  referenceImportLimitBytes: number;
  logLevel: string;
  auth: {
    /** OIDC issuer; when unset the development key pair under `dataDir` is trusted. */
    issuer: string;
    audience: string;
    jwksUrl?: string;
  };
  projections: {
    batchSize: number;
    pollIntervalMs: number;
    /** Cap of the backoff between a failing projection's retries (full jitter, base = the poll interval). */
    retryMaxMs: number;
    enabled: boolean;
  };
  commandRetries: number;
  shutdownTimeoutMs: number;
  /** Seconds a 503 answer's `Retry-After` asks clients to wait (database or event store down). */
  retryAfterSeconds: number;
  /** R34/D21: the most employer tasks returned (the newest); the total says how many there are. */
  employerTasksLimit: number;
  /** Bulk 'Sæt ansvarlig' over all results of a query (R55): refused above this many cases. */
  bulkSetResponsibleLimit: number;
  /** R27/D18: cases created on or after this date get the 2,000-character free-text limit. */
  freeTextLimitEffectiveDate: Date;
  /** R42/D2: how often the scheduled check closes grants after ordinary expiry; 0 disables it. */
  ordinaryExpiryIntervalMs: number;
  /** DFDG push delivery to the case systems' subscriptions (issue 4). */
  dfdgPush: {
    /** How often the delivery worker runs; 0 disables it. */
    intervalMs: number;
    /** Tries before a message is dead-lettered. */
    maxAttempts: number;
    timeoutMs: number;
    /** Exponential backoff with full jitter: a random wait up to min(max, base · 2^(tries−1)). */
    backoffBaseMs: number;
    backoffMaxMs: number;
    /** Pushes in flight at once. */
    concurrency: number;
    /**
     * PUSH_ALLOWED_HOSTS (issue 10): hosts (`name`, `ip`, `name:port`, `[ipv6]:port`; exact, no
     * wildcards) that may use http and private addresses. Empty: https to public addresses only.
     */
    allowedHosts: string[];
  };
  /** Excel exports of the search lists (issue 6, R19–R22, D11). */
  exports: {
    /** D11: results of at most this many rows stream straight back; larger ones run as a job. */
    streamMaxRows: number;
    /** Queued or running jobs one user may have at once. */
    maxConcurrentJobsPerUser: number;
    /** Tries of a job (a worker that went away counts as one) before it is failed. */
    jobMaxAttempts: number;
    /** How long a finished job's file is kept before the sweep deletes it. */
    fileTtlMs: number;
    /** How often the worker looks for queued jobs; 0 disables it (the process runs no jobs). */
    pollIntervalMs: number;
    /** A running job's lease: renewed while it runs; a job whose lease ran out lost its worker. */
    leaseMs: number;
    /** Jobs one process runs at once. */
    workerConcurrency: number;
    /** How often expired files are deleted; 0 disables the sweep. */
    sweepIntervalMs: number;
  };
  features: {
    /** R37/D14: MitID Erhverv signing, off until Digitaliseringsstyrelsen declares it ready. */
    mitidErhverv: boolean;
  };
}

export const DEV_ISSUER = 'urn:vitas:dev';
export const DEFAULT_AUDIENCE = 'vitas-api';

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`Configuration ${name} must be a non-negative integer, got '${raw}'`);
  return value;
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = int(env, name, fallback);
  if (value === 0) throw new Error(`Configuration ${name} must be at least 1`);
  return value;
}

function date(env: NodeJS.ProcessEnv, name: string, fallback: string): Date {
  const raw = env[name] || fallback;
  const value = new Date(`${raw}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(value.getTime())) throw new Error(`Configuration ${name} must be a date (YYYY-MM-DD), got '${raw}'`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const dataDir = path.resolve(env.DATA_DIR || '.data');
  return {
    port: int(env, 'PORT', 3000),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    embeddedPostgresPort: int(env, 'EMBEDDED_PG_PORT', 54329),
    eventStoreConnectionString: env.EVENTSTORE_CONNECTION_STRING || undefined,
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 1_048_576),
    attachmentLimitBytes: int(env, 'ATTACHMENT_LIMIT_BYTES', 50 * 1024 * 1024),
    attachmentStaging: { ttlMs: positiveInt(env, 'ATTACHMENT_STAGING_TTL_MS', 60 * 60 * 1000), sweepIntervalMs: int(env, 'ATTACHMENT_STAGING_SWEEP_INTERVAL_MS', 5 * 60 * 1000) },
    referenceImportLimitBytes: int(env, 'REFERENCE_IMPORT_LIMIT_BYTES', 20 * 1_048_576),
    logLevel: env.LOG_LEVEL || 'info',
    auth: {
      issuer: env.AUTH_ISSUER || DEV_ISSUER,
      audience: env.AUTH_AUDIENCE || DEFAULT_AUDIENCE,
      jwksUrl: env.AUTH_JWKS_URL || undefined,
    },
    projections: {
      batchSize: int(env, 'PROJECTION_BATCH_SIZE', 1000),
      pollIntervalMs: int(env, 'PROJECTION_POLL_MS', 1000),
      retryMaxMs: positiveInt(env, 'PROJECTION_RETRY_MAX_MS', 30_000),
      enabled: env.PROJECTIONS_ENABLED !== 'false',
    },
    commandRetries: int(env, 'COMMAND_RETRIES', 3),
    shutdownTimeoutMs: int(env, 'SHUTDOWN_TIMEOUT_MS', 10_000),
    retryAfterSeconds: positiveInt(env, 'RETRY_AFTER_SECONDS', 5),
    employerTasksLimit: positiveInt(env, 'EMPLOYER_TASKS_LIMIT', 1000),
    bulkSetResponsibleLimit: positiveInt(env, 'BULK_SET_RESPONSIBLE_LIMIT', 5000),
    freeTextLimitEffectiveDate: date(env, 'FREE_TEXT_LIMIT_EFFECTIVE_DATE', '2022-11-01'),
    ordinaryExpiryIntervalMs: int(env, 'ORDINARY_EXPIRY_INTERVAL_MS', 60_000),
    dfdgPush: {
      intervalMs: int(env, 'DFDG_PUSH_INTERVAL_MS', 1000),
      maxAttempts: positiveInt(env, 'DFDG_PUSH_MAX_ATTEMPTS', 8),
      timeoutMs: positiveInt(env, 'DFDG_PUSH_TIMEOUT_MS', 5000),
      backoffBaseMs: int(env, 'DFDG_PUSH_BACKOFF_MS', 1000),
      backoffMaxMs: int(env, 'DFDG_PUSH_BACKOFF_MAX_MS', 300_000),
      concurrency: positiveInt(env, 'DFDG_PUSH_CONCURRENCY', 32),
      allowedHosts: (env.PUSH_ALLOWED_HOSTS ?? '').split(',').map((h) => h.trim()).filter(Boolean),
    },
    exports: {
      streamMaxRows: int(env, 'EXPORT_STREAM_MAX_ROWS', 5000),
      maxConcurrentJobsPerUser: positiveInt(env, 'EXPORT_MAX_CONCURRENT_JOBS_PER_USER', 2),
      jobMaxAttempts: positiveInt(env, 'EXPORT_JOB_MAX_ATTEMPTS', 3),
      fileTtlMs: positiveInt(env, 'EXPORT_FILE_TTL_MS', 24 * 60 * 60 * 1000),
      pollIntervalMs: int(env, 'EXPORT_JOB_POLL_MS', 1000),
      leaseMs: positiveInt(env, 'EXPORT_JOB_LEASE_MS', 30_000),
      workerConcurrency: positiveInt(env, 'EXPORT_WORKER_CONCURRENCY', 2),
      sweepIntervalMs: int(env, 'EXPORT_SWEEP_INTERVAL_MS', 60_000),
    },
    features: { mitidErhverv: env.FEATURE_MITID_ERHVERV === 'true' },
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
