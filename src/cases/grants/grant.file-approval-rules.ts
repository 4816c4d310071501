/**
 * 'Godkend med bilag' on grants (R56, R57, as R49–R53): company support uploads the company's
 * approval of a Mentor, Hjælpemiddel or PA grant, and for PA also the citizen's. The uploader
 * is recorded as the verifier, and the upload counts as that party's approval. Pure.
 */
import { DomainError } from '../../platform/http/problems';
import { Scheme } from '../../registries/schemes';
import { requireStatus } from '../shared/require-status';
import { GrantCommand } from './grant.commands';
import { GrantEvent } from './grant.events';
import { GrantState } from './grant.state';

type ApproveWithFile = Extract<GrantCommand, { type: 'ApproveGrantWithFile' }>;

/** R56: the compensating schemes. */
const SCHEMES_WITH_APPROVAL_FILE: readonly Scheme[] = ['mentor', 'assistive-aid', 'personal-assistant'];

/** R52 and D16: the box to tick, per party. */
export const CONFIRMATION_TEXT = {
  company: 'Jeg bekræfter at ovennævnte bilag indeholder den virksomhedsansvarliges godkendelse',
  citizen: 'Jeg bekræfter at ovennævnte bilag indeholder borgerens godkendelse',
} as const;

export function approveWithFile(c: ApproveWithFile, state: GrantState): GrantEvent[] {
  if (c.actor.role !== 'company-support' || c.actor.org !== state.jobcentre) {
    throw new DomainError('Only company support of the owning job centre uploads an approval', 'authorization', { kind: 'forbidden' });
  }
  if (!SCHEMES_WITH_APPROVAL_FILE.includes(state.scheme!)) {
    throw new DomainError("'Godkend med bilag' is offered on Mentor, Hjælpemiddel and Personlig assistent grants only", 'R56', { field: 'scheme' });
  }
  if (c.party === 'citizen' && state.scheme !== 'personal-assistant') {
    throw new DomainError("The citizen's approval is uploaded on Personlig assistent grants only", 'R57', { field: 'party' });
  }
  requireStatus('grant', state.status, [c.party === 'company' ? 'awaiting-company' : 'awaiting-citizen'], c.party === 'company' ? 'R56' : 'R57');
  if (!c.confirmed) throw new DomainError(`Tick '${CONFIRMATION_TEXT[c.party]}'`, c.party === 'company' ? 'R52' : 'D16', { field: 'confirmed' });
  const grantId = state.grantId!;
  const at = c.now.toISOString();
  const uploaded: GrantEvent = {
    type: 'ApprovalFileUploaded',
    data: { caseId: grantId, party: c.party, firstName: c.firstName, lastName: c.lastName, uploadedAt: at, verifiedBy: c.actor.userId, verifiedByName: c.verifierName, file: c.file },
  };
  const approvedBy = `${c.firstName} ${c.lastName}`;
  const approval: GrantEvent =
    c.party === 'company'
      ? { type: 'GrantApprovedByCompany', data: { grantId, method: 'uploaded-file', approvedAt: at, approvedBy } }
      : { type: 'GrantApprovedByCitizen', data: { grantId, method: 'uploaded-file', approvedAt: at, approvedBy } };
  return [uploaded, approval];
}
