/**
 * The facts a supplementary grant takes from its parent grant, folded from the parent's own
 * stream (`grant-<id>`): `GrantDrafted` and the shared transfer event. Pure; no framework imports.
 */
import { RecordedEvent } from '../../platform/event-store/event-store.port';
import { Scheme } from '../../registries/schemes';
import { GrantDrafted } from '../grants/grant.events';
import { CaseTransferredToJobcentre } from '../shared/case.events';

export interface ParentGrant {
  grantId: string;
  /** R3: the scheme the supplementary grant shows. */
  scheme: Scheme;
  /** The parent's owning job centre after its transfers (R33). */
  jobcentre: string;
  company: { cvr: string; pNumber: string };
  citizen: { cpr: string };
}

/** null when the stream holds no drafted grant (an unknown parent). */
export function parentGrantOf(events: Pick<RecordedEvent, 'type' | 'data'>[]): ParentGrant | null {
  return events.reduce(evolveParent, null);
}

function evolveParent(parent: ParentGrant | null, event: Pick<RecordedEvent, 'type' | 'data'>): ParentGrant | null {
  if (event.type === 'GrantDrafted') {
    const d = event.data as GrantDrafted['data'];
    return { grantId: d.grantId, scheme: d.scheme, jobcentre: d.jobcentre, company: d.company, citizen: d.citizen };
  }
  if (parent && event.type === 'CaseTransferredToJobcentre') return { ...parent, jobcentre: (event.data as CaseTransferredToJobcentre['data']).to };
  return parent;
}
