import { DataSource } from 'typeorm';
import { webhookHeaders } from '../webhook-signature';
import { backoffDelayMs } from './backoff';
import { DueDelivery, dueDeliveries, enqueueNewMessages, outboxExists, recordDelivered, recordFailed } from './delivery-queue';
import { PushUrlPolicy, PushUrlRefused } from '../url-policy/push-url-policy';
import { PushAborted, PushOutcome, PushSender } from './send-push';

export interface PushPolicy {
  maxAttempts: number;
  timeoutMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  concurrency: number;
}

export interface PushRun {
  enqueued: number;
  attempted: number;
  delivered: number;
  failed: number;
  /** Deliveries that used up their tries in this run. */
  dead: number;
}

const ENQUEUE_BATCH = 5000;
/** A round pushes up to this many times `concurrency` deliveries, then looks for due ones again. */
const ROUND_FACTOR = 4;

/**
 * One delivery pass (the caller holds the cluster-wide lock): enqueue the subscriptions' new
 * messages, push every due delivery that heads its case, record each outcome, and repeat
 * until nothing is due. At least once: a push whose outcome was not recorded (the process
 * died or stopped) is still pending and is pushed again; receivers deduplicate by webhook-id.
 */
export class PushDelivery {
  private stopped = false;
  private readonly sender: PushSender;

  constructor(
    private readonly db: DataSource,
    private readonly policy: PushPolicy,
    /** Where pushes may go: checked again at every push, since DNS answers and the allow-list change. */
    private readonly urls: PushUrlPolicy,
    private readonly random: () => number = Math.random,
  ) {
    this.sender = new PushSender(policy.timeoutMs, policy.concurrency);
  }

  /** Cuts off pushes in flight (they stay pending) and ends the pass after its current round. */
  stop(): void {
    this.stopped = true;
    this.sender.close();
  }

  /**
   * `now` is the pass's time for scheduling (tests move it forward to skip backoff); it
   * advances with the wall clock while the pass runs. Signatures always carry the real time.
   */
  async pass(now: Date = new Date()): Promise<PushRun> {
    const run: PushRun = { enqueued: 0, attempted: 0, delivered: 0, failed: 0, dead: 0 };
    if (!(await outboxExists(this.db))) return run;
    const offset = now.getTime() - Date.now();
    const at = () => new Date(Date.now() + offset);
    let analyzed = false;
    while (!this.stopped) {
      const enqueued = await enqueueNewMessages(this.db, at(), ENQUEUE_BATCH);
      if (enqueued >= ENQUEUE_BATCH && !analyzed) {
        // A backlog just arrived: fresh statistics keep the due query on its ordered index
        // (autovacuum would analyze only minutes later; without them it sorts every pending row).
        await this.db.query(`ANALYZE dfdg_push_deliveries`);
        analyzed = true;
      }
      const due = await dueDeliveries(this.db, at(), this.policy.concurrency * ROUND_FACTOR);
      run.enqueued += enqueued;
      if (!enqueued && !due.length) break;
      await inParallel(due, this.policy.concurrency, (d) => this.deliver(d, at, run));
    }
    return run;
  }

  private async deliver(d: DueDelivery, at: () => Date, run: PushRun): Promise<void> {
    if (this.stopped) return;
    const headers = webhookHeaders(d.secrets, d.messageId, d.body);
    let outcome: PushOutcome;
    try {
      outcome = await this.sender.send(this.urls.pushTarget(d.url), headers, d.body);
    } catch (error) {
      if (error instanceof PushAborted) return;
      // A URL the policy refuses outright (no DNS needed) fails the try like an unreachable receiver.
      if (!(error instanceof PushUrlRefused)) throw error;
      outcome = { ok: false, status: null, error: `refused: ${error.reason}` };
    }
    run.attempted++;
    if (outcome.ok) {
      run.delivered++;
      return recordDelivered(this.db, d, at(), outcome.status!);
    }
    const tries = d.attempts + 1;
    const dead = tries >= this.policy.maxAttempts;
    run.failed++;
    if (dead) run.dead++;
    await recordFailed(this.db, d, at(), outcome, dead, dead ? 0 : backoffDelayMs(tries, this.policy.backoffBaseMs, this.policy.backoffMaxMs, this.random));
  }
}

/**
 * Runs `work` over `items` with at most `limit` at a time. After a failure no new item starts,
 * and it returns only once every started one has ended (the pass must not outlive its lock).
 */
async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async () => {
    while (next < items.length && !failure) {
      try {
        await work(items[next++]);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  if (failure) throw failure.error;
}
