/**
 * Bench only: the fold of the former `applications` read model (one row per application, a dozen
 * columns, five indexes), removed from the app with the per-type collections (issue 13 item 4).
 * `bench:projection` keeps it as the baseline `search_cases` is compared with ("within 2× of a
 * plain per-type read model", issue 5), so its figures stay comparable with the earlier runs.
 * Row values are JSON values (dates as ISO strings), as the runner stores them.
 */
import { RecordedEvent } from '../src/platform/event-store/event-store.port';
import { APPLICATION_EVENT_TYPES, ApplicationEvent } from '../src/cases/applications/application.events';
import { ATTACHMENT_EVENT_TYPES } from '../src/cases/shared/attachment.events';
import { SHARED_CASE_EVENT_TYPES } from '../src/cases/shared/case.events';
import { Projection } from '../projections/runner/projection';
import { PARTY_COLUMNS, STAMP_COLUMNS, caseKeyOf, isSharedCaseEvent, sharedCaseChanges, toucher } from '../projections/shared/case-row';

export interface ApplicationRow extends Record<string, unknown> {
  application_id: string;
  scheme: string;
  status: string;
  jobcentre: string;
  company_cvr: string;
  p_number: string;
  citizen_cpr: string;
  employee_rep_step_required: boolean;
  created_at: string;
  company_signed_at: string | null;
  employee_rep_signed_at: string | null;
  /** 'Modtaget dato' (R31). */
  received_date: string | null;
  /** 'Godkendt dato' (D9). */
  approved_date: string | null;
  /** 'Ansvarlig' (R55). */
  responsible_caseworker: string | null;
  /** Stream revision of the last event folded in. */
  revision: number;
  updated_at: string;
}

export function evolveApplicationRow(row: ApplicationRow | null, recorded: RecordedEvent): ApplicationRow | null {
  const event = recorded as unknown as ApplicationEvent;
  const touched = toucher<ApplicationRow>(recorded);
  if (event.type === 'ApplicationDraftCreated') {
    const d = event.data;
    return touched(
      {
        application_id: d.applicationId, scheme: d.scheme, status: 'draft', jobcentre: d.jobcentre, company_cvr: d.company.cvr, p_number: d.company.pNumber,
        citizen_cpr: d.citizen.cpr, employee_rep_step_required: d.employeeRepStepRequired, created_at: d.createdAt, company_signed_at: null,
        employee_rep_signed_at: null, received_date: null, approved_date: null, responsible_caseworker: null, revision: 0, updated_at: d.createdAt,
      },
      {},
    );
  }
  // An event for a row we never saw created (or a shared event of another case type): nothing to fold.
  if (!row || !recorded.streamId.startsWith('application-')) return row;
  if (isSharedCaseEvent(event)) return touched(row, sharedCaseChanges(event));
  switch (event.type) {
    case 'DraftLinkEmailSent':
    case 'DraftLinkEmailResent':
      return touched(row, {});
    case 'ApplicationSignedByCompany':
      return touched(row, { company_signed_at: event.data.signedAt });
    case 'ApplicationSentToEmployeeRep':
      return touched(row, { status: 'sent-to-employee-rep' });
    case 'ApplicationSignedByEmployeeRep':
      return touched(row, { employee_rep_signed_at: event.data.signedAt });
    case 'ApplicationRejectedByEmployeeRep':
      return touched(row, { status: 'rejected-by-employee-rep' });
    case 'ApplicationReceivedByJobcentre':
      return touched(row, { status: 'received', received_date: event.data.receivedDate });
    case 'ApplicationApproved':
      return touched(row, { status: 'approved', approved_date: event.data.approvedDate });
    case 'ApplicationRejected':
      return touched(row, { status: 'rejected' });
    case 'AttachmentAdded':
      return touched(row, {});
    case 'ApprovalFileUploaded':
      return touched(row, { company_signed_at: event.data.uploadedAt });
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

export const applicationsProjection: Projection<ApplicationRow> = {
  name: 'applications',
  table: 'applications',
  key: 'application_id',
  columns: [
    { name: 'application_id', type: 'text' },
    { name: 'scheme', type: 'text', nullable: false },
    { name: 'status', type: 'text', nullable: false },
    ...PARTY_COLUMNS,
    { name: 'employee_rep_step_required', type: 'boolean', nullable: false },
    { name: 'created_at', type: 'timestamptz', nullable: false },
    { name: 'company_signed_at', type: 'timestamptz' },
    { name: 'employee_rep_signed_at', type: 'timestamptz' },
    { name: 'received_date', type: 'date' },
    { name: 'approved_date', type: 'date' },
    ...STAMP_COLUMNS,
  ],
  indexes: [['jobcentre', 'created_at'], ['company_cvr', 'created_at'], ['status']],
  handles: [...APPLICATION_EVENT_TYPES, ...SHARED_CASE_EVENT_TYPES, ...ATTACHMENT_EVENT_TYPES],
  keyOf: caseKeyOf('applicationId'),
  evolve: evolveApplicationRow,
};
