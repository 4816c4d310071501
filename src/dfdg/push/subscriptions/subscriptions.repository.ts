/** The case systems' push subscriptions, each owned by one job centre. Secrets never leave except on creation and rotation. */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { uuidv7 } from '../../../platform/events/uuidv7';
import { NotFoundError } from '../../../platform/http/problems';
import { outboxExists } from '../delivery/delivery-queue';

/** After a rotation the previous secret also signs for this long, so receivers can switch over. */
export const PREVIOUS_SECRET_GRACE_HOURS = 24;

export interface SubscriptionView {
  id: string;
  url: string;
  createdAt: string;
  /** Messages of the job centre with a higher sequence are pushed. */
  startsAfterSequence: number;
  /** The last sequence handed to the delivery queue. */
  enqueuedThrough: number;
  previousSecretValidUntil: string | null;
  deliveries: { pending: number; dead: number; delivered: number };
}

interface SubscriptionRow {
  id: string;
  url: string;
  created_at: Date;
  starts_after: string;
  enqueued_through: string;
  previous_secret_expires_at: Date | null;
  pending: number;
  dead: number;
  delivered: number;
}

const SELECT_VIEW = `
  SELECT s.id, s.url, s.created_at, s.starts_after, s.enqueued_through, s.previous_secret_expires_at,
         count(*) FILTER (WHERE d.status = 'pending')::int AS pending,
         count(*) FILTER (WHERE d.status = 'dead')::int AS dead,
         count(*) FILTER (WHERE d.status = 'delivered')::int AS delivered
  FROM dfdg_push_subscriptions s LEFT JOIN dfdg_push_deliveries d ON d.subscription_id = s.id`;

function view(r: SubscriptionRow): SubscriptionView {
  const expires = r.previous_secret_expires_at && r.previous_secret_expires_at > new Date() ? r.previous_secret_expires_at.toISOString() : null;
  return {
    id: r.id,
    url: r.url,
    createdAt: r.created_at.toISOString(),
    startsAfterSequence: Number(r.starts_after),
    enqueuedThrough: Number(r.enqueued_through),
    previousSecretValidUntil: expires,
    deliveries: { pending: r.pending, dead: r.dead, delivered: r.delivered },
  };
}

@Injectable()
export class SubscriptionsRepository {
  constructor(private readonly db: DataSource) {}

  async create(input: { jobcentre: string; url: string; secret: string; from: 'start' | 'end'; createdBy: string }): Promise<SubscriptionView> {
    const id = uuidv7();
    const end = input.from === 'start' ? 0 : await this.lastSequence(input.jobcentre);
    await this.db.query(
      `INSERT INTO dfdg_push_subscriptions (id, jobcentre, url, secret, starts_after, enqueued_through, created_by) VALUES ($1, $2, $3, $4, $5, $5, $6)`,
      [id, input.jobcentre, input.url, input.secret, end, input.createdBy],
    );
    return this.get(id, input.jobcentre);
  }

  async list(jobcentre: string): Promise<SubscriptionView[]> {
    const rows: SubscriptionRow[] = await this.db.query(`${SELECT_VIEW} WHERE s.jobcentre = $1 GROUP BY s.id ORDER BY s.created_at, s.id`, [jobcentre]);
    return rows.map(view);
  }

  /** The job centre's subscription; another job centre's is as unknown as a missing one. */
  async get(id: string, jobcentre: string): Promise<SubscriptionView> {
    const [row]: SubscriptionRow[] = await this.db.query(`${SELECT_VIEW} WHERE s.id = $1 AND s.jobcentre = $2 GROUP BY s.id`, [id, jobcentre]);
    if (!row) throw new NotFoundError('DFDG push subscription', id);
    return view(row);
  }

  async delete(id: string, jobcentre: string): Promise<void> {
    const deleted = await this.db.query(`DELETE FROM dfdg_push_subscriptions WHERE id = $1 AND jobcentre = $2 RETURNING id`, [id, jobcentre]);
    if (!deleted[0]?.length) throw new NotFoundError('DFDG push subscription', id);
  }

  /** The new secret signs from now on; the old one too, for PREVIOUS_SECRET_GRACE_HOURS. */
  async rotateSecret(id: string, jobcentre: string, secret: string): Promise<SubscriptionView> {
    const [rows] = await this.db.query(
      `UPDATE dfdg_push_subscriptions SET previous_secret = secret, secret = $3, previous_secret_expires_at = now() + make_interval(hours => $4)
       WHERE id = $1 AND jobcentre = $2 RETURNING id`,
      [id, jobcentre, secret, PREVIOUS_SECRET_GRACE_HOURS],
    );
    if (!rows.length) throw new NotFoundError('DFDG push subscription', id);
    return this.get(id, jobcentre);
  }

  private async lastSequence(jobcentre: string): Promise<number> {
    if (!(await outboxExists(this.db))) return 0;
    const [{ last }] = await this.db.query(`SELECT coalesce(max(sequence), 0) AS last FROM dfdg_messages WHERE jobcentre = $1`, [jobcentre]);
    return Number(last);
  }
}
