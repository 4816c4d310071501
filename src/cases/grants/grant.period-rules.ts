/**
 * The running grant and how it ends (domain.md §3.3, §3.5, §5): extension (R30), review,
 * cessation (D1, R43), ordinary expiry (R42, D2), closing unused (D7), and the refused grant
 * that follows its application to another job centre (D22). Pure.
 */
import { danishDate } from '../../platform/clock/dates';
import { DomainError } from '../../platform/http/problems';
import { findCessationReason } from '../../registries/cessation-reasons';
import { freeTextViolation } from '../../registries/free-text-fields';
import { SCHEMES, Scheme } from '../../registries/schemes';
import { GrantStatus } from '../../registries/statuses';
import { Actor } from '../shared/actor';
import { requireOwningJobcentre } from '../shared/case-ownership';
import { decideFollowParentTransfer } from '../shared/follow-parent-transfer';
import { requireFreeTextWithinLimit } from '../shared/free-text';
import { requireStatus } from '../shared/require-status';
import { GrantCommand } from './grant.commands';
import { GrantEvent } from './grant.events';
import { GrantState } from './grant.state';

type Of<T extends GrantCommand['type']> = Extract<GrantCommand, { type: T }>;

/** R30: extending a VP or LT grant checks 'Jobindhold' even on cases from before the limit. */
const JOB_CONTENT_CHECKED_ON_EXTENSION: readonly Scheme[] = ['company-placement', 'wage-subsidy'];
/** §3.3 "not started": never became active (whatever the date), or active but before its period. */
const NEVER_ACTIVE: readonly GrantStatus[] = ['drafted', 'awaiting-company', 'awaiting-citizen'];

function requireActiveOwnGrant(c: { actor: Actor }, state: GrantState): void {
  requireOwningJobcentre(c.actor, state.jobcentre);
  requireStatus('grant', state.status, ['active'], 'grant-lifecycle');
}

export function extend(c: Of<'ExtendGrant'>, state: GrantState): GrantEvent[] {
  requireActiveOwnGrant(c, state);
  const end = state.period!.end;
  if (c.newEndDate <= end) throw new DomainError(`The new end date must be after the current one (${end})`, 'grant-extension', { field: 'newEndDate' });
  if (JOB_CONTENT_CHECKED_ON_EXTENSION.includes(state.scheme!)) {
    // R30 (ASSUMPTION: it blocks): the new 'Jobindhold', or the current one, must be within the limit.
    const violation = freeTextViolation({ jobContent: c.jobContent ?? state.jobContent ?? undefined }, true);
    if (violation) {
      throw new DomainError(`'Jobindhold' is ${violation.length} characters; shorten it to at most ${violation.max} to extend the grant`, 'R30', { field: 'jobContent' });
    }
  } else {
    requireFreeTextWithinLimit({ jobContent: c.jobContent }, state.freeTextLimitApplies);
  }
  return [{ type: 'GrantExtended', data: { grantId: state.grantId!, previousEndDate: end, newEndDate: c.newEndDate, jobContent: c.jobContent, at: c.now.toISOString() } }];
}

export function review(c: Of<'ReviewGrant'>, state: GrantState): GrantEvent[] {
  requireActiveOwnGrant(c, state);
  requireFreeTextWithinLimit({ remarks: c.remarks }, state.freeTextLimitApplies);
  return [{ type: 'GrantReviewed', data: { grantId: state.grantId!, at: c.now.toISOString(), remarks: c.remarks } }];
}

/** D1: the reason is looked up on its exact key; R43: 14 and 15 are no reasons, so they are never found. */
export function terminate(c: Of<'TerminateGrant'>, state: GrantState): GrantEvent[] {
  requireActiveOwnGrant(c, state);
  const scheme = state.scheme!;
  const key = `('${SCHEMES[scheme].label}', reasonId ${c.reasonId}, subReasonId ${c.subReasonId ?? 'null'})`;
  const reason = findCessationReason(scheme, c.reasonId, c.subReasonId);
  if (!reason) {
    const parentExists = c.subReasonId !== null && findCessationReason(scheme, c.reasonId, null) !== undefined;
    throw new DomainError(`No cessation reason ${key} exists`, 'D1', { field: parentExists ? 'subReasonId' : 'reasonId' });
  }
  if (reason.requiresSubReason) throw new DomainError(`'${reason.text}' needs one of its sub-reasons: ${key} is not enough`, 'D1', { field: 'subReasonId' });
  if (c.effectiveDate > state.period!.end) {
    throw new DomainError(`The cessation date is after the grant's end date (${state.period!.end}); that is ordinary expiry`, 'grant-cessation', { field: 'effectiveDate' });
  }
  const { reasonId, subReasonId, effectiveDate } = c;
  return [{ type: 'GrantTerminated', data: { grantId: state.grantId!, scheme, reasonId, subReasonId, reasonText: reason.text, effectiveDate, at: c.now.toISOString() } }];
}

/** R42, D2: the scheduled check closes an active grant the day after its end date (Danish date); idempotent. */
export function closeAfterOrdinaryExpiry(c: Of<'CloseGrantAfterOrdinaryExpiry'>, state: GrantState): GrantEvent[] {
  requireOwningJobcentre(c.actor, state.jobcentre);
  if (state.status === 'closed') return [];
  requireStatus('grant', state.status, ['active'], 'R42');
  const end = state.period!.end;
  if (danishDate(c.now) <= end) throw new DomainError(`The grant runs until ${end}; it expires after that day`, 'R42', { kind: 'conflict', field: 'period.end' });
  return [{ type: 'GrantClosedAfterOrdinaryExpiry', data: { grantId: state.grantId!, endDate: end, at: c.now.toISOString() } }];
}

/** D7: 'Lukket bevilling (ej brugt)' for a grant that has not started. */
export function closeUnused(c: Of<'CloseUnusedGrant'>, state: GrantState): GrantEvent[] {
  requireOwningJobcentre(c.actor, state.jobcentre);
  const notStarted = NEVER_ACTIVE.includes(state.status!) || (state.status === 'active' && danishDate(c.now) < state.period!.start);
  if (!notStarted) {
    const started = state.status === 'active' ? `, and its period started ${state.period!.start}` : '';
    throw new DomainError(`The grant is '${state.status}'${started}; only a grant that has not started is closed unused`, 'grant-lifecycle', { kind: 'conflict', field: 'status' });
  }
  return [{ type: 'GrantClosedUnused', data: { grantId: state.grantId!, at: c.now.toISOString() } }];
}

/**
 * D22/R33: a grant refused before its application moved to another job centre moves with it,
 * unless it has been transferred on its own since. Anything else is no event: safe to repeat.
 */
export function followApplicationTransfer(c: Of<'FollowParentTransfer'>, state: GrantState): GrantEvent[] {
  const follower = { caseId: state.grantId!, parentId: state.applicationId, jobcentre: state.jobcentre, lastTransferredAt: state.lastTransferredAt };
  return decideFollowParentTransfer(c, follower, state.status === 'not-approved' && state.refusal!.at <= c.transferredAt);
}
