/** `--tamper`: the suite's self-check, so a run shows that each of its checks can fail. */
import { DataSource } from 'typeorm';
import { Load } from './clients';
import { log } from './net';
import { FlappingReceiver } from './receiver';

/** Spoils one thing per check, so a run shows that each check can fail. */
export async function tamper(db: DataSource, load: Load, receiver: FlappingReceiver): Promise<void> {
  log('tampering: a search row deleted, the events of a 2xx command disowned, a push forgotten, two reordered');
  await db.query(`DELETE FROM search_cases WHERE case_id = (SELECT case_id FROM search_cases ORDER BY case_id LIMIT 1)`);
  const ok = load.ledger.find((r) => r.ok);
  if (ok) ok.correlationId = `${ok.correlationId}-disowned`;
  receiver.accepted.shift();
  const byCase = new Map<string, number>();
  for (let i = 0; i < receiver.accepted.length; i++) {
    const earlier = byCase.get(receiver.accepted[i].vitasId);
    if (earlier !== undefined) {
      [receiver.accepted[earlier], receiver.accepted[i]] = [receiver.accepted[i], receiver.accepted[earlier]];
      break;
    }
    byCase.set(receiver.accepted[i].vitasId, i);
  }
}
