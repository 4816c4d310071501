/**
 * Files on an application (pure): attachments of any size (R46) and 'Godkend med bilag' by
 * company support on fleksjob and jobrotation drafts (R49–R53).
 */
import { danishDate } from '../../platform/clock/dates';
import { DomainError } from '../../platform/http/problems';
import { Scheme } from '../../registries/schemes';
import { ApplicationCommand, ApplicationState, requireApplicationStatus } from './application.decider';
import { ApplicationEvent } from './application.events';

export function addAttachment(c: Extract<ApplicationCommand, { type: 'AddAttachment' }>, state: ApplicationState): ApplicationEvent[] {
  const own = (c.actor.role === 'jobcentre' && c.actor.org === state.jobcentre) || (c.actor.role === 'company' && c.actor.org === state.company?.cvr);
  if (!own) throw new DomainError("Only the owning job centre or the application's company adds attachments", 'authorization', { kind: 'forbidden' });
  // The same bytes twice are one attachment: an upload retried after a lost answer adds nothing.
  if (state.attachments.some((f) => f.sha256 === c.file.sha256)) return [];
  return [{ type: 'AttachmentAdded', data: { caseId: state.applicationId!, file: c.file, addedAt: c.now.toISOString(), addedBy: c.actor.userId } }];
}

/** R49–R53: 'Godkend med bilag' by company support, on fleksjob and jobrotation applications only. */
export function approveWithFile(c: Extract<ApplicationCommand, { type: 'ApproveApplicationWithFile' }>, state: ApplicationState): ApplicationEvent[] {
  if (c.actor.role !== 'company-support' || c.actor.org !== state.jobcentre) {
    throw new DomainError("Only company support of the owning job centre uploads the company's approval", 'authorization', { kind: 'forbidden' });
  }
  if (!SCHEMES_WITH_APPROVAL_FILE.includes(state.scheme!)) {
    throw new DomainError("'Godkend med bilag' is offered on fleksjob and jobrotation applications only", 'R49', { field: 'scheme' });
  }
  requireApplicationStatus(state, 'draft', 'R49');
  if (!c.confirmed) throw new DomainError("Tick 'Jeg bekræfter at ovennævnte bilag indeholder den virksomhedsansvarliges godkendelse'", 'R52', { field: 'confirmed' });
  const id = state.applicationId!;
  const at = c.now.toISOString();
  return [
    {
      type: 'ApprovalFileUploaded',
      data: { caseId: id, party: 'company', firstName: c.firstName, lastName: c.lastName, uploadedAt: at, verifiedBy: c.actor.userId, verifiedByName: c.verifierName, file: c.file },
    },
    // ASSUMPTION (§3.1): the uploaded approval takes the draft straight to 'Modtaget' on the upload date.
    { type: 'ApplicationReceivedByJobcentre', data: { applicationId: id, receivedDate: danishDate(c.now) } },
  ];
}

const SCHEMES_WITH_APPROVAL_FILE: readonly Scheme[] = ['flex-job', 'job-rotation'];
