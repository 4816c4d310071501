import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { Observable, catchError, finalize, from, map, of, switchMap, throwError } from 'rxjs';
import { DataSource } from 'typeorm';
import { idempotencySeed } from '../commands/idempotent-ids';
import { ProblemError } from '../http/problems';
import { InstanceLiveness } from './instance-liveness';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const REPLAYED_HEADERS = ['location', 'etag'];
/** Backoff of the retried release of a claim whose request failed while the database was away. */
const RELEASE_RETRY_MS = { first: 1_000, max: 30_000 };
/** A claim without an owner (made before owners were recorded) and older than this is abandoned. */
const PENDING_TIMEOUT_SECONDS = 60;

interface StoredAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * Idempotency-Key on commands: the first successful answer is stored with the key (per
 * principal); a repeat gets that same answer and appends nothing. A failed command stores
 * nothing (it appended nothing), so it may be retried with the same key.
 *
 * Exactly once (issue 11): the answer is stored after the append, in a step of its own. So that
 * a process dying in between cannot make the command happen twice, the request that owns the key
 * carries an idempotency seed (sha256 of principal, key and request hash) into its command
 * context: its new case and event ids are derived from it, and the pipeline answers a retry
 * (which takes over the abandoned claim) from the events already in the stream. A claim names
 * the process that holds it (InstanceLiveness): one whose process is gone is taken over at once,
 * one whose process runs is a 409 `idempotency-key-in-progress`, unless that process is this one
 * and the request is no longer in flight here (its answer or release failed with the database
 * away): then it is taken over too. A release that failed is retried in the background.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  /** Claims this process holds for a request still running here. */
  private readonly inFlight = new Set<string>();
  /** Claims whose release failed (the database was away), retried until it answers. */
  private readonly unreleased = new Map<string, { principal: string; key: string }>();
  private releaseTimer?: NodeJS.Timeout;

  constructor(
    private readonly db: DataSource,
    private readonly liveness: InstanceLiveness,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request & { principal?: { role: string; org: string; userId: string } }>();
    const res = context.switchToHttp().getResponse<Response>();
    const key = req.header('idempotency-key');
    // Multipart uploads are not covered: their body is read later, by the upload interceptor.
    // They are idempotent by content instead (the same file twice is one attachment).
    if (key === undefined || req.method === 'GET' || !req.principal || req.is('multipart/form-data')) return next.handle();
    if (!KEY_PATTERN.test(key)) throw new ProblemError('validation', 'Idempotency-Key must be 1–255 visible ASCII characters', 'idempotency-key-format', 'Idempotency-Key');
    const principal = `${req.principal.role}:${req.principal.org}:${req.principal.userId}`;
    const requestHash = createHash('sha256').update(`${req.method} ${req.originalUrl}\n${JSON.stringify(req.body ?? null)}`).digest('hex');

    return from(this.claim(principal, key, requestHash)).pipe(
      switchMap((stored) => {
        if (stored) {
          res.status(stored.status);
          Object.entries(stored.headers ?? {}).forEach(([name, value]) => res.setHeader(name, value));
          res.setHeader('Idempotent-Replayed', 'true');
          return of(stored.body);
        }
        // This request owns the key: the ids its command makes are derived from the seed, so a
        // retry after a crash between the append and `complete` finds its events (exactly once).
        if (req.context) req.context.idempotencySeed = idempotencySeed(principal, key, requestHash);
        const claimId = claimIdOf(principal, key);
        this.inFlight.add(claimId);
        return next.handle().pipe(
          // Stored before the answer leaves, so an immediate repeat already finds it.
          switchMap((body) => from(this.complete(principal, key, res, body)).pipe(map(() => body))),
          catchError((error) => from(this.release(principal, key)).pipe(switchMap(() => throwError(() => error)))),
          finalize(() => this.inFlight.delete(claimId)),
        );
      }),
    );
  }

  /** Returns the stored answer for a repeat, or null when this request now owns the key. */
  private async claim(principal: string, key: string, requestHash: string): Promise<StoredAnswer | null> {
    await this.liveness.ensureHeld();
    const inserted = await this.db.query(
      `INSERT INTO idempotency_keys (principal, key, request_hash, owner) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING key`,
      [principal, key, requestHash, this.liveness.instanceId],
    );
    if (inserted.length) return null;
    const [row] = await this.db.query(
      `SELECT request_hash, status, headers, body, owner, created_at < now() - make_interval(secs => $3) AS expired FROM idempotency_keys WHERE principal = $1 AND key = $2`,
      [principal, key, PENDING_TIMEOUT_SECONDS],
    );
    if (!row) return this.claim(principal, key, requestHash); // released meanwhile
    if (row.status === null && (await this.abandoned(principal, key, row))) {
      // Its process died mid-flight: take the key over (only that very claim, in case another took it first).
      await this.db.query(`DELETE FROM idempotency_keys WHERE principal = $1 AND key = $2 AND status IS NULL AND owner IS NOT DISTINCT FROM $3`, [principal, key, row.owner]);
      return this.claim(principal, key, requestHash);
    }
    if (row.request_hash !== requestHash) {
      throw new ProblemError('rule-violation', 'This Idempotency-Key was used for a different request', 'idempotency-key-reuse', 'Idempotency-Key');
    }
    if (row.status === null) throw new ProblemError('conflict', 'A request with this Idempotency-Key is still in progress', 'idempotency-key-in-progress', 'Idempotency-Key');
    // The body is kept as its JSON text (a jsonb string): jsonb would reorder the keys of an object.
    const body = typeof row.body === 'string' ? JSON.parse(row.body) : row.body;
    return { status: row.status as number, headers: row.headers as Record<string, string>, body: body as unknown };
  }

  /** Whether a pending claim's request can no longer answer: its process is gone, or it is ours and no longer running. */
  private async abandoned(principal: string, key: string, row: { owner: string | null; expired: boolean }): Promise<boolean> {
    if (!row.owner) return row.expired;
    if (row.owner === this.liveness.instanceId) return !this.inFlight.has(claimIdOf(principal, key));
    return !(await this.liveness.isAlive(row.owner));
  }

  private async complete(principal: string, key: string, res: Response, body: unknown): Promise<void> {
    const headers = Object.fromEntries(REPLAYED_HEADERS.filter((h) => res.getHeader(h) !== undefined).map((h) => [h, String(res.getHeader(h))]));
    await this.db.query(`UPDATE idempotency_keys SET status = $3, headers = $4, body = $5 WHERE principal = $1 AND key = $2`, [
      principal, key, res.statusCode, JSON.stringify(headers), JSON.stringify(JSON.stringify(body ?? null)),
    ]);
  }

  private async release(principal: string, key: string): Promise<void> {
    await this.db.query(`DELETE FROM idempotency_keys WHERE principal = $1 AND key = $2 AND status IS NULL`, [principal, key]).catch(() => {
      // The database is away: the claim stays until it answers, so other processes' retries are not refused for good.
      this.unreleased.set(claimIdOf(principal, key), { principal, key });
      this.scheduleReleases(RELEASE_RETRY_MS.first);
    });
  }

  private scheduleReleases(delayMs: number): void {
    if (this.releaseTimer) return;
    this.releaseTimer = setTimeout(() => void this.retryReleases(delayMs), delayMs);
    this.releaseTimer.unref();
  }

  private async retryReleases(lastDelayMs: number): Promise<void> {
    this.releaseTimer = undefined;
    for (const [id, { principal, key }] of this.unreleased) {
      try {
        await this.db.query(`DELETE FROM idempotency_keys WHERE principal = $1 AND key = $2 AND status IS NULL AND owner = $3`, [principal, key, this.liveness.instanceId]);
        this.unreleased.delete(id);
      } catch {
        return this.scheduleReleases(Math.min(lastDelayMs * 2, RELEASE_RETRY_MS.max));
      }
    }
  }
}

const claimIdOf = (principal: string, key: string) => `${principal}\n${key}`;
