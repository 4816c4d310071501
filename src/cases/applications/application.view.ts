import { Principal } from '../../platform/auth/principal';
import { ForbiddenError } from '../../platform/http/problems';
import { SCHEMES } from '../../registries/schemes';
import { APPLICATION_STATUSES } from '../../registries/statuses';
import { ApplicationCommand, ApplicationState, decideApplication } from './application.decider';

export const applicationLink = (id: string) => `/api/applications/${id}`;

/** Who may read an application: its job centre, company, representative, citizen, and auditors. */
export function assertMayRead(principal: Principal, state: ApplicationState): void {
  const { role, org } = principal;
  const allowed =
    role === 'auditor' ||
    ((role === 'jobcentre' || role === 'case-system' || role === 'company-support') && org === state.jobcentre) ||
    (role === 'company' && org === state.company?.cvr) ||
    (role === 'employee-representative' && (org === state.company?.pNumber || org === state.company?.cvr)) ||
    (role === 'citizen' && org === state.citizen?.cpr);
  if (!allowed) throw new ForbiddenError(`A ${role} of ${org} may not see this application`);
}

/** The acts a frontend may offer: each is tried against the pure decider for this principal. */
const CANDIDATE_ACTIONS: { action: string; command: (now: Date) => Omit<ApplicationCommand, 'actor'> }[] = [
  { action: 'resend-draft-link', command: (now) => ({ type: 'ResendDraftLinkEmail', now }) },
  { action: 'sign-as-company', command: (now) => ({ type: 'SignApplicationAsCompany', method: 'nemid-employee-signature', mitidBusinessEnabled: true, now }) },
  { action: 'sign-as-employee-representative', command: (now) => ({ type: 'SignApplicationAsEmployeeRep', now }) },
  { action: 'reject-as-employee-representative', command: (now) => ({ type: 'RejectApplicationAsEmployeeRep', reason: '-', now }) },
  { action: 'approve', command: (now) => ({ type: 'ApproveApplication', now }) },
  { action: 'reject', command: (now) => ({ type: 'RejectApplication', reason: '-', now }) },
];

export function allowedActions(principal: Principal, state: ApplicationState): string[] {
  const actor = { role: principal.role, org: principal.org, userId: principal.userId };
  return CANDIDATE_ACTIONS.filter(({ command }) => {
    try {
      decideApplication({ ...command(new Date()), actor } as ApplicationCommand, state);
      return true;
    } catch {
      return false;
    }
  }).map((a) => a.action);
}

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
    allowedActions: allowedActions(principal, state),
  };
}
