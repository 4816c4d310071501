import { Principal } from '../../platform/auth/principal';
import { SCHEMES } from '../../registries/schemes';
import { APPLICATION_STATUSES } from '../../registries/statuses';
import { CandidateAction, allowedActions, OTHER_JOBCENTRE, PROBE_FILE } from '../shared/allowed-actions';
import { signedWithFileView, withDownloadLink } from '../shared/signed-with-file';
import { ApplicationCommand, ApplicationState, decideApplication } from './application.decider';

import { applicationLink } from './application.case';
import { assertMayReadCase } from '../shared/read-access';

export { applicationLink };

/** Who may read an application: its job centre, company, representative, citizen, and auditors. */
export function assertMayRead(principal: Principal, state: ApplicationState, assignedAa = false): void {
  assertMayReadCase(principal, 'application', state, { employeeRepresentative: true, citizen: true, assignedAa });
}



const CANDIDATE_ACTIONS: CandidateAction<ApplicationCommand>[] = [
  { action: 'resend-draft-link', command: (actor, now) => ({ type: 'ResendDraftLinkEmail', actor, now }) },
  { action: 'sign-as-company', command: (actor, now) => ({ type: 'SignApplicationAsCompany', method: 'nemid-employee-signature', mitidBusinessEnabled: true, actor, now }) },
  { action: 'sign-as-employee-representative', command: (actor, now) => ({ type: 'SignApplicationAsEmployeeRep', actor, now }) },
  { action: 'reject-as-employee-representative', command: (actor, now) => ({ type: 'RejectApplicationAsEmployeeRep', reason: '-', actor, now }) },
  { action: 'approve', command: (actor, now) => ({ type: 'ApproveApplication', actor, now }) },
  { action: 'reject', command: (actor, now) => ({ type: 'RejectApplication', reason: '-', actor, now }) },
  { action: 'transfer', command: (actor, now) => ({ type: 'TransferApplication', toJobcentre: OTHER_JOBCENTRE, actor, now }) },
  { action: 'approve-with-file', command: (actor, now) => ({ type: 'ApproveApplicationWithFile', file: PROBE_FILE, firstName: '-', lastName: '-', confirmed: true, verifierName: null, actor, now }) },
  { action: 'set-responsible', command: (actor, now) => ({ type: 'AssignResponsibleCaseworker', caseworkerId: actor.userId, actor, now }) },
];

export function toApplicationView(state: ApplicationState, revision: number, principal: Principal) {
  const id = state.applicationId!;
  return {
    id,
    revision,
    scheme: state.scheme,
    schemeLabel: state.scheme ? SCHEMES[state.scheme].label : null,
    status: state.status,
    statusLabel: state.status ? APPLICATION_STATUSES[state.status] : null,
    jobcentre: state.jobcentre,
    company: state.company,
    citizen: state.citizen,
    employeeRepStepRequired: state.employeeRepStepRequired,
    createdAt: state.createdAt,
    companySignedAt: state.companySignedAt ?? null,
    employeeRepSignedAt: state.employeeRepSignedAt ?? null,
    receivedDate: state.receivedDate ?? null,
    // R10: companies do not see 'Godkendt dato'.
    ...(principal.role === 'company' ? {} : { approvedDate: state.approvedDate ?? null }),
    links: { self: applicationLink(id) },
    responsibleCaseworker: state.responsibleCaseworker ?? null,
    attachments: state.attachments.map((f) => withDownloadLink(applicationLink(id), f)),
    signedWithFile: state.approvalFile ? signedWithFileView(applicationLink(id), state.approvalFile) : null,
    allowedActions: allowedActions(CANDIDATE_ACTIONS, decideApplication, principal, state),
  };
}
