/**
 * Rules every case type shares: who may act as the owning job centre, transfers (R33) and
 * 'Sæt ansvarlig' (R55). Pure functions for deciders; no framework imports.
 */
import { DomainError } from '../../platform/http/problems';
import { Actor } from './actor';
import { SharedCaseEvent } from './case.events';

export function requireOwningJobcentre(actor: Actor, jobcentre: string | undefined): void {
  if (actor.role !== 'jobcentre' || actor.org !== jobcentre) {
    throw new DomainError('Only a caseworker of the owning job centre may do this', 'authorization', { kind: 'forbidden' });
  }
}

/** R33: a case moves to another job centre whatever is attached to it (D22: refused grants move along). */
export function decideTransfer(caseId: string, jobcentre: string | undefined, to: string, actor: Actor, now: Date): SharedCaseEvent[] {
  requireOwningJobcentre(actor, jobcentre);
  if (to === jobcentre) throw new DomainError('The case already belongs to that job centre', 'R33', { field: 'toJobcentre' });
  return [{ type: 'CaseTransferredToJobcentre', data: { caseId, from: jobcentre!, to, transferredAt: now.toISOString() } }];
}

/** R55: a responsible caseworker can be set on a case of every scheme. */
export function decideAssignResponsible(caseId: string, jobcentre: string | undefined, caseworkerId: string, actor: Actor, now: Date): SharedCaseEvent[] {
  requireOwningJobcentre(actor, jobcentre);
  return [{ type: 'ResponsibleCaseworkerAssigned', data: { caseId, caseworkerId, assignedAt: now.toISOString() } }];
}
