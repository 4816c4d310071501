/**
 * The delivery state in PostgreSQL. Every statement is its own transaction, so a crash loses
 * nothing: a message is enqueued for a subscription together with the subscription's position
 * in its job centre's sequence, and a try's outcome is recorded as soon as it is known.
 */
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

export interface DueDelivery {
  subscriptionId: string;
  messageId: string;
  /** Failed tries so far. */
  attempts: number;
  url: string;
  /** The current secret, then the previous one while a rotation's grace period lasts. */
  secrets: string[];
  body: string;
}

/** The outbox is a projection table: it exists once the projection runner has started. */
export async function outboxExists(db: DataSource): Promise<boolean> {
  const [{ ok }] = await db.query(`SELECT to_regclass('dfdg_messages') IS NOT NULL AS ok`);
  return ok;
}

/**
 * Adds the next `limit` messages of each subscription's job centre (by sequence: gap-free per
 * job centre, so a position is enough) and moves the subscription's position past them.
 * Returns how many were added.
 */
export async function enqueueNewMessages(db: DataSource, now: Date, limit: number): Promise<number> {
  // An UPDATE answers [rows, rowCount] through TypeORM.
  const [rows]: [{ n: string }[], number] = await db.query(
    `WITH subs AS (SELECT id, jobcentre, enqueued_through FROM dfdg_push_subscriptions FOR UPDATE),
     picked AS (
       SELECT subs.id AS subscription_id, m.message_id, m.sequence, m.case_id
       FROM subs CROSS JOIN LATERAL (
         SELECT message_id, sequence, case_id FROM dfdg_messages
         WHERE jobcentre = subs.jobcentre AND sequence > subs.enqueued_through
         ORDER BY sequence LIMIT $2
       ) m
     ),
     added AS (
       INSERT INTO dfdg_push_deliveries (subscription_id, message_id, sequence, case_id, next_attempt_at)
       SELECT subscription_id, message_id, sequence, case_id, $1 FROM picked
       ON CONFLICT DO NOTHING
     )
     UPDATE dfdg_push_subscriptions s SET enqueued_through = p.through
     FROM (SELECT subscription_id, max(sequence) AS through, count(*) AS n FROM picked GROUP BY subscription_id) p
     WHERE s.id = p.subscription_id
     RETURNING p.n`,
    [now, limit],
  );
  return rows.reduce((sum, r) => sum + Number(r.n), 0);
}

/**
 * Pending deliveries that are due and are the earliest undelivered message of their case in
 * their subscription: a case's later message waits while an earlier one is pending or dead.
 */
export async function dueDeliveries(db: DataSource, now: Date, limit: number): Promise<DueDelivery[]> {
  const rows: { subscription_id: string; message_id: string; attempts: number; url: string; secret: string; previous_secret: string | null; body: unknown }[] = await db.query(
    `SELECT d.subscription_id, d.message_id, d.attempts, s.url, s.secret,
            CASE WHEN s.previous_secret_expires_at > $1 THEN s.previous_secret END AS previous_secret, m.body
     FROM dfdg_push_deliveries d
     JOIN dfdg_push_subscriptions s ON s.id = d.subscription_id
     JOIN dfdg_messages m ON m.message_id = d.message_id
     WHERE d.status = 'pending' AND d.next_attempt_at <= $1
       AND NOT EXISTS (
         SELECT 1 FROM dfdg_push_deliveries e
         WHERE e.subscription_id = d.subscription_id AND e.case_id = d.case_id AND e.status <> 'delivered' AND e.sequence < d.sequence)
     ORDER BY d.sequence, d.subscription_id
     LIMIT $2`,
    [now, limit],
  );
  return rows.map((r) => ({
    subscriptionId: r.subscription_id,
    messageId: r.message_id,
    attempts: r.attempts,
    url: r.url,
    secrets: r.previous_secret ? [r.secret, r.previous_secret] : [r.secret],
    body: JSON.stringify(r.body),
  }));
}

/**
 * The outcome of each try is written by a statement of its own (its own transaction), named
 * and prepared once per connection, straight on the DataSource's pg pool: many small writes.
 */
function run(db: DataSource, name: string, text: string, values: unknown[]): Promise<unknown> {
  return (db.driver as PostgresDriver).master.query({ name, text, values });
}

export async function recordDelivered(db: DataSource, d: DueDelivery, at: Date, status: number): Promise<void> {
  await run(
    db,
    'dfdg-push-delivered',
    `UPDATE dfdg_push_deliveries SET status = 'delivered', attempts = attempts + 1, last_attempt_at = $3, delivered_at = $3, last_status = $4, last_error = NULL
     WHERE subscription_id = $1 AND message_id = $2 AND status = 'pending'`,
    [d.subscriptionId, d.messageId, at, status],
  );
}

/** A failed try: due again after `retryInMs`, or dead when it was the last one allowed. */
export async function recordFailed(db: DataSource, d: DueDelivery, at: Date, outcome: { status: number | null; error: string | null }, dead: boolean, retryInMs: number): Promise<void> {
  await run(
    db,
    'dfdg-push-failed',
    `UPDATE dfdg_push_deliveries
     SET attempts = attempts + 1, last_attempt_at = $3, last_status = $4, last_error = $5,
         status = CASE WHEN $6::boolean THEN 'dead' ELSE 'pending' END,
         next_attempt_at = $3::timestamptz + make_interval(secs => $7::double precision / 1000)
     WHERE subscription_id = $1 AND message_id = $2 AND status = 'pending'`,
    [d.subscriptionId, d.messageId, at, outcome.status, outcome.error, dead, retryInMs],
  );
}
