/**
 * R33/D22 for deciders: a case attached to a parent case (a grant to its application, a
 * supplementary grant to its grant) moves with the parent to another job centre. Issued by a
 * `FollowParentTransferProcess`, never over HTTP. Pure, no framework imports.
 */
import { Actor } from './actor';
import { SharedCaseEvent } from './case.events';
import { decideTransfer, requireOwningJobcentre } from './case-ownership';

/** The one command every follower's decider takes: "your parent moved to `toJobcentre` at `transferredAt`". */
export interface FollowParentTransfer {
  type: 'FollowParentTransfer';
  parentId: string;
  toJobcentre: string;
  /** When the parent last moved. */
  transferredAt: string;
  actor: Actor;
  now: Date;
}

/** What the rule needs of the follower, folded from its own stream. */
export interface Follower {
  caseId: string;
  parentId: string | null | undefined;
  jobcentre: string | undefined;
  /** Its own last transfer, if any. */
  lastTransferredAt: string | undefined;
}

/**
 * The follower moves when it is attached to that parent, not already at the parent's job centre,
 * not transferred on its own since the parent moved (an explicit later transfer is never undone),
 * and the case type's own condition holds (`attached`). Anything else is no event: safe to repeat.
 */
export function decideFollowParentTransfer(c: FollowParentTransfer, follower: Follower, attached = true): SharedCaseEvent[] {
  requireOwningJobcentre(c.actor, follower.jobcentre);
  const follows =
    attached &&
    follower.parentId === c.parentId &&
    follower.jobcentre !== c.toJobcentre &&
    (follower.lastTransferredAt === undefined || follower.lastTransferredAt < c.transferredAt);
  return follows ? decideTransfer(follower.caseId, follower.jobcentre, c.toJobcentre, c.actor, c.now) : [];
}
