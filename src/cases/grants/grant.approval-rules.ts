/**
 * The approval sub-machine of a grant (domain.md §3.3, R36, R37, R41, D6, 1.13): the company's
 * and, for PA, the citizen's approval; a refusal or withdrawal by any of the three parties. Pure.
 */
import { DomainError } from '../../platform/http/problems';
import { freeTextViolation } from '../../registries/free-text-fields';
import { GrantStatus } from '../../registries/statuses';
import { Actor } from '../shared/actor';
import { requireStatus } from '../shared/require-status';
import { requireSigningMethodAvailable } from '../shared/signing-rules';
import { GrantCommand } from './grant.commands';
import { GrantEvent, GrantParty } from './grant.events';
import { GrantState } from './grant.state';

type Of<T extends GrantCommand['type']> = Extract<GrantCommand, { type: T }>;

/** R41: each party refuses when the grant awaits its approval; the job centre at either step. */
const REFUSABLE: Record<GrantParty, readonly GrantStatus[]> = {
  jobcentre: ['awaiting-company', 'awaiting-citizen'],
  company: ['awaiting-company'],
  citizen: ['awaiting-citizen'],
};
/** R41: "not ended": withdrawable by any party. */
export const NOT_ENDED: readonly GrantStatus[] = ['drafted', 'awaiting-company', 'awaiting-citizen', 'active'];

/** The party an actor acts as: the owning job centre, the grant's company (CVR) or its citizen (CPR). */
export function partyOf(actor: Actor, state: GrantState): GrantParty {
  if (actor.role === 'jobcentre' && actor.org === state.jobcentre) return 'jobcentre';
  if (actor.role === 'company' && actor.org === state.company?.cvr) return 'company';
  if (actor.role === 'citizen' && actor.org === state.citizen?.cpr) return 'citizen';
  throw new DomainError(`A ${actor.role} of ${actor.org} is not a party to this grant (its job centre, company or citizen)`, 'authorization', { kind: 'forbidden' });
}

export function approveAsCompany(c: Of<'ApproveGrantAsCompany'>, state: GrantState): GrantEvent[] {
  if (c.actor.role !== 'company' || c.actor.org !== state.company?.cvr) {
    throw new DomainError("Only the grant's company approves it", 'authorization', { kind: 'forbidden' });
  }
  requireStatus('grant', state.status, ['awaiting-company'], 'grant-lifecycle');
  requireSigningMethodAvailable(c.method, c.mitidBusinessEnabled); // R37
  return [{ type: 'GrantApprovedByCompany', data: { grantId: state.grantId!, method: c.method, approvedAt: c.now.toISOString(), approvedBy: c.actor.userId } }];
}

/** R36, 1.13: the citizen approves a PA grant with MitID, after the company. */
export function approveAsCitizen(c: Of<'ApproveGrantAsCitizen'>, state: GrantState): GrantEvent[] {
  if (c.actor.role !== 'citizen' || c.actor.org !== state.citizen?.cpr) {
    throw new DomainError("Only the grant's citizen approves it as citizen", 'authorization', { kind: 'forbidden' });
  }
  requireStatus('grant', state.status, ['awaiting-citizen'], 'R36');
  return [{ type: 'GrantApprovedByCitizen', data: { grantId: state.grantId!, method: c.method, approvedAt: c.now.toISOString(), approvedBy: c.actor.userId } }];
}

/** R41, D6: an explicit refusal ('Afvist'); DFDG code 14. */
export function refuse(c: Of<'RefuseGrant'>, state: GrantState): GrantEvent[] {
  const by = partyOf(c.actor, state);
  requireStatus('grant', state.status, REFUSABLE[by], 'R41');
  requireReasonWithinLimit(c.reason, state.freeTextLimitApplies);
  return [{ type: 'GrantNotApproved', data: { grantId: state.grantId!, by, at: c.now.toISOString(), actorId: c.actor.userId, reason: c.reason } }];
}

/** R41, D6: a withdrawal of a grant that has not ended ('Trukket tilbage'); DFDG code 14. */
export function withdraw(c: Of<'WithdrawGrant'>, state: GrantState): GrantEvent[] {
  const by = partyOf(c.actor, state);
  requireStatus('grant', state.status, NOT_ENDED, 'R41');
  requireReasonWithinLimit(c.reason, state.freeTextLimitApplies);
  return [{ type: 'GrantWithdrawn', data: { grantId: state.grantId!, by, at: c.now.toISOString(), actorId: c.actor.userId, reason: c.reason } }];
}

/** R27: the reason is 'Begrundelse', a free-text field under the limit (D18). */
function requireReasonWithinLimit(reason: string | null, applies: boolean): void {
  const violation = freeTextViolation({ justification: reason ?? undefined }, applies);
  if (violation) throw new DomainError(`'${violation.label}' is ${violation.length} characters; at most ${violation.max} are allowed`, 'R27', { field: 'reason' });
}
