import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * DFDG push delivery: the case systems' subscriptions and each message's delivery state per
 * subscription. Durable tables (not projections): they hold what was delivered, which events
 * cannot tell. Messages themselves stay in the projection-owned `dfdg_messages` outbox, joined
 * by message id, so no foreign key points at it (a rebuild swaps that table).
 */
export class DfdgPush1764000000004 implements MigrationInterface {
  name = 'DfdgPush1764000000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dfdg_push_subscriptions (
        id uuid PRIMARY KEY,
        jobcentre text NOT NULL,
        url text NOT NULL,
        secret text NOT NULL,
        previous_secret text,
        previous_secret_expires_at timestamptz,
        starts_after bigint NOT NULL,
        enqueued_through bigint NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL
      )`);
    await q.query(`CREATE INDEX dfdg_push_subscriptions_jobcentre_idx ON dfdg_push_subscriptions (jobcentre)`);
    await q.query(`
      CREATE TABLE dfdg_push_deliveries (
        subscription_id uuid NOT NULL REFERENCES dfdg_push_subscriptions (id) ON DELETE CASCADE,
        message_id text NOT NULL,
        sequence bigint NOT NULL,
        case_id text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'dead')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        last_attempt_at timestamptz,
        last_status integer,
        last_error text,
        delivered_at timestamptz,
        PRIMARY KEY (subscription_id, message_id)
      )`);
    // A case's earlier messages that are not delivered yet hold back its later ones.
    await q.query(`CREATE INDEX dfdg_push_deliveries_open_idx ON dfdg_push_deliveries (subscription_id, case_id, sequence) WHERE status <> 'delivered'`);
    await q.query(`CREATE INDEX dfdg_push_deliveries_due_idx ON dfdg_push_deliveries (sequence) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX dfdg_push_deliveries_status_idx ON dfdg_push_deliveries (subscription_id, status, sequence)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dfdg_push_deliveries`);
    await q.query(`DROP TABLE dfdg_push_subscriptions`);
  }
}
