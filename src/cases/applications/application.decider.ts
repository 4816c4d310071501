/**
 * The application's write model (domain.md §3.1): a pure decider, no framework imports.
 * Time, ids and looked-up facts arrive on the command.
 */
import { danishDate } from '../../platform/clock/dates';
import { Decider } from '../../platform/events/decider';
import { DomainError } from '../../platform/http/problems';
import { ApplicationStatus } from '../../registries/statuses';
import { SCHEMES_WITH_EMPLOYEE_REP_STEP, Scheme } from '../../registries/schemes';
import { SigningMethod } from '../../registries/signing-methods';
import { requireStatus } from '../shared/require-status';
import { requireSigningMethodAvailable } from '../shared/signing-rules';
import { Actor } from '../shared/actor';
import { decideAssignResponsible, decideTransfer, requireOwningJobcentre } from '../shared/case-ownership';
import { ApprovalFileUploaded, FileRef } from '../shared/attachment.events';
import { addAttachment, approveWithFile } from './application.file-rules';
import { ApplicationEvent } from './application.events';

export type { Actor };

export type ApplicationCommand =
  | {
      type: 'CreateApplicationDraft';
      applicationId: string;
      scheme: Scheme;
      jobcentre: string;
      company: { cvr: string; pNumber: string };
      citizen: { cpr: string };
      /** Looked up from reference data by the handler (D23). */
      pUnitHasEmployeeRepresentative: boolean;
      actor: Actor;
      now: Date;
    }
  | { type: 'ResendDraftLinkEmail'; actor: Actor; now: Date }
  | { type: 'SignApplicationAsCompany'; method: SigningMethod; mitidBusinessEnabled: boolean; actor: Actor; now: Date }
  | { type: 'SignApplicationAsEmployeeRep'; actor: Actor; now: Date }
  | { type: 'RejectApplicationAsEmployeeRep'; reason: string; actor: Actor; now: Date }
  | { type: 'ApproveApplication'; actor: Actor; now: Date }
  | { type: 'RejectApplication'; reason: string; actor: Actor; now: Date }
  | { type: 'TransferApplication'; toJobcentre: string; actor: Actor; now: Date }
  | { type: 'AssignResponsibleCaseworker'; caseworkerId: string; actor: Actor; now: Date }
  | { type: 'AddAttachment'; file: FileRef; actor: Actor; now: Date }
  | {
      type: 'ApproveApplicationWithFile';
      file: FileRef;
      firstName: string;
      lastName: string;
      /** R52: 'Jeg bekræfter at ovennævnte bilag indeholder den virksomhedsansvarliges godkendelse'. */
      confirmed: boolean;
      verifierName: string | null;
      actor: Actor;
      now: Date;
    };

export interface ApplicationState {
  /** null until the draft exists. */
  status: ApplicationStatus | null;
  applicationId?: string;
  scheme?: Scheme;
  /** Owning job centre. */
  jobcentre?: string;
  company?: { cvr: string; pNumber: string };
  citizen?: { cpr: string };
  employeeRepStepRequired: boolean;
  createdAt?: string;
  companySignedAt?: string;
  employeeRepSignedAt?: string;
  /** 'Modtaget dato' (R31). */
  receivedDate?: string;
  /** 'Godkendt dato' (D9). */
  approvedDate?: string;
  rejectionReason?: string;
  /** 'Ansvarlig' (R55). */
  responsibleCaseworker?: string;
  /** R46: every attachment, in the order added; files are never removed (R53). */
  attachments: FileRef[];
  /** R53: 'Underskrevet med fil', with who verified it and when. */
  approvalFile?: ApprovalFileUploaded['data'];
}

export const initialApplicationState = (): ApplicationState => ({ status: null, employeeRepStepRequired: false, attachments: [] });

export function evolveApplication(state: ApplicationState, event: ApplicationEvent): ApplicationState {
  switch (event.type) {
    case 'ApplicationDraftCreated': {
      const d = event.data;
      return { ...state, status: 'draft', applicationId: d.applicationId, scheme: d.scheme, jobcentre: d.jobcentre, company: d.company, citizen: d.citizen, employeeRepStepRequired: d.employeeRepStepRequired, createdAt: d.createdAt };
    }
    case 'DraftLinkEmailSent':
    case 'DraftLinkEmailResent':
      return state;
    case 'ApplicationSignedByCompany':
      return { ...state, companySignedAt: event.data.signedAt };
    case 'ApplicationSentToEmployeeRep':
      return { ...state, status: 'sent-to-employee-rep' };
    case 'ApplicationSignedByEmployeeRep':
      return { ...state, employeeRepSignedAt: event.data.signedAt };
    case 'ApplicationRejectedByEmployeeRep':
      return { ...state, status: 'rejected-by-employee-rep', rejectionReason: event.data.reason };
    case 'ApplicationReceivedByJobcentre':
      return { ...state, status: 'received', receivedDate: event.data.receivedDate };
    case 'ApplicationApproved':
      return { ...state, status: 'approved', approvedDate: event.data.approvedDate };
    case 'ApplicationRejected':
      return { ...state, status: 'rejected', rejectionReason: event.data.reason };
    case 'CaseTransferredToJobcentre':
      return { ...state, jobcentre: event.data.to };
    case 'ResponsibleCaseworkerAssigned':
      return { ...state, responsibleCaseworker: event.data.caseworkerId };
    case 'AttachmentAdded':
      return { ...state, attachments: [...state.attachments, event.data.file] };
    case 'ApprovalFileUploaded':
      return { ...state, approvalFile: event.data };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

export function decideApplication(command: ApplicationCommand, state: ApplicationState): ApplicationEvent[] {
  if (command.type === 'CreateApplicationDraft') return createDraft(command, state);
  const id = state.applicationId as string;
  const at = command.now.toISOString();
  switch (command.type) {
    case 'ResendDraftLinkEmail':
      requireOwningJobcentre(command.actor, state.jobcentre);
      requireApplicationStatus(state, 'draft', 'R48');
      return [{ type: 'DraftLinkEmailResent', data: { applicationId: id, companyCvr: state.company!.cvr, sentAt: at } }];
    case 'SignApplicationAsCompany':
      return signAsCompany(command, state);
    case 'SignApplicationAsEmployeeRep':
      requireEmployeeRep(command.actor, state);
      requireApplicationStatus(state, 'sent-to-employee-rep', 'R9');
      // R31: the received date is the representative's signing date, not the company's.
      return [
        { type: 'ApplicationSignedByEmployeeRep', data: { applicationId: id, signedAt: at, signedBy: command.actor.userId } },
        { type: 'ApplicationReceivedByJobcentre', data: { applicationId: id, receivedDate: danishDate(command.now) } },
      ];
    case 'RejectApplicationAsEmployeeRep':
      requireEmployeeRep(command.actor, state);
      requireApplicationStatus(state, 'sent-to-employee-rep', 'R9');
      return [{ type: 'ApplicationRejectedByEmployeeRep', data: { applicationId: id, rejectedAt: at, rejectedBy: command.actor.userId, reason: command.reason } }];
    case 'ApproveApplication':
      requireOwningJobcentre(command.actor, state.jobcentre);
      requireApplicationStatus(state, 'received', 'application-lifecycle');
      return [{ type: 'ApplicationApproved', data: { applicationId: id, approvedDate: danishDate(command.now), approvedBy: command.actor.userId } }];
    case 'RejectApplication':
      requireOwningJobcentre(command.actor, state.jobcentre);
      requireApplicationStatus(state, 'received', 'application-lifecycle');
      return [{ type: 'ApplicationRejected', data: { applicationId: id, rejectedDate: danishDate(command.now), rejectedBy: command.actor.userId, reason: command.reason } }];
    case 'TransferApplication':
      return decideTransfer(id, state.jobcentre, command.toJobcentre, command.actor, command.now);
    case 'AssignResponsibleCaseworker':
      return decideAssignResponsible(id, state.jobcentre, command.caseworkerId, command.actor, command.now);
    case 'AddAttachment':
      return addAttachment(command, state);
    case 'ApproveApplicationWithFile':
      return approveWithFile(command, state);
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

function createDraft(c: Extract<ApplicationCommand, { type: 'CreateApplicationDraft' }>, state: ApplicationState): ApplicationEvent[] {
  if (state.status !== null) throw new DomainError(`Application ${c.applicationId} already exists`, 'application-lifecycle', { kind: 'conflict', field: 'applicationId' });
  if (c.actor.role !== 'jobcentre' || c.actor.org !== c.jobcentre) {
    throw new DomainError('Only a caseworker of the owning job centre creates a draft', 'authorization', { kind: 'forbidden', field: 'jobcentre' });
  }
  const at = c.now.toISOString();
  // D23: VP, LT and VL go to the employee representative when the P-unit has one.
  const employeeRepStepRequired = SCHEMES_WITH_EMPLOYEE_REP_STEP.includes(c.scheme) && c.pUnitHasEmployeeRepresentative;
  return [
    {
      type: 'ApplicationDraftCreated',
      data: { applicationId: c.applicationId, scheme: c.scheme, jobcentre: c.jobcentre, company: c.company, citizen: c.citizen, employeeRepStepRequired, createdAt: at },
    },
    { type: 'DraftLinkEmailSent', data: { applicationId: c.applicationId, companyCvr: c.company.cvr, sentAt: at } },
  ];
}

function signAsCompany(c: Extract<ApplicationCommand, { type: 'SignApplicationAsCompany' }>, state: ApplicationState): ApplicationEvent[] {
  if (c.actor.role !== 'company' || c.actor.org !== state.company?.cvr) {
    throw new DomainError('Only the company of the application signs it', 'authorization', { kind: 'forbidden' });
  }
  requireApplicationStatus(state, 'draft', 'application-lifecycle');
  requireSigningMethodAvailable(c.method, c.mitidBusinessEnabled);
  const id = state.applicationId as string;
  const signed: ApplicationEvent = { type: 'ApplicationSignedByCompany', data: { applicationId: id, signedAt: c.now.toISOString(), method: c.method, signedBy: c.actor.userId } };
  if (state.employeeRepStepRequired) return [signed, { type: 'ApplicationSentToEmployeeRep', data: { applicationId: id, sentAt: c.now.toISOString() } }];
  // R31 (ASSUMPTION): without a representative step the company's signing date is the received date.
  return [signed, { type: 'ApplicationReceivedByJobcentre', data: { applicationId: id, receivedDate: danishDate(c.now) } }];
}



function requireEmployeeRep(actor: Actor, state: ApplicationState): void {
  const own = actor.org === state.company?.pNumber || actor.org === state.company?.cvr;
  if (actor.role !== 'employee-representative' || !own) {
    throw new DomainError("Only the employee representative of the application's company may do this", 'authorization', { kind: 'forbidden' });
  }
}

export const applicationDecider: Decider<ApplicationCommand, ApplicationState, ApplicationEvent> = {
  initialState: initialApplicationState,
  evolve: evolveApplication,
  decide: decideApplication,
};

export function requireApplicationStatus(state: ApplicationState, status: ApplicationStatus, rule: string): void {
  requireStatus('application', state.status, [status], rule);
}
