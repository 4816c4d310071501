import { deciderSpec } from '../../../test/support/decider-spec';
import { applicationDecider, ApplicationCommand } from './application.decider';
import { ApplicationEvent } from './application.events';

const spec = deciderSpec(applicationDecider);
const caseworker = { role: 'jobcentre', org: '101', userId: 'cw-1' };
const company = { role: 'company', org: '12345678', userId: 'co-1' };
const employeeRep = { role: 'employee-representative', org: '1000000001', userId: 'rep-1' };
const D = new Date('2026-03-02T09:00:00Z');
const D_PLUS_3 = new Date('2026-03-05T09:00:00Z');

function draftCreated(scheme: 'wage-subsidy' | 'flex-job', employeeRepStepRequired: boolean): ApplicationEvent[] {
  const applicationId = 'a-1';
  return [
    {
      type: 'ApplicationDraftCreated',
      data: { applicationId, scheme, jobcentre: '101', company: { cvr: '12345678', pNumber: '1000000001' }, citizen: { cpr: '0101901234' }, employeeRepStepRequired, createdAt: D.toISOString() },
    },
    { type: 'DraftLinkEmailSent', data: { applicationId, companyCvr: '12345678', sentAt: D.toISOString() } },
  ];
}

const create = (scheme: 'wage-subsidy' | 'flex-job', pUnitHasEmployeeRepresentative: boolean): ApplicationCommand => ({
  type: 'CreateApplicationDraft',
  applicationId: 'a-1',
  scheme,
  jobcentre: '101',
  company: { cvr: '12345678', pNumber: '1000000001' },
  citizen: { cpr: '0101901234' },
  pUnitHasEmployeeRepresentative,
  actor: caseworker,
  now: D,
});
const companySigns: ApplicationCommand = { type: 'SignApplicationAsCompany', method: 'nemid-employee-signature', mitidBusinessEnabled: false, actor: company, now: D };

describe('application decider', () => {
  it('creates a draft and e-mails the company a link', () => {
    spec.given([]).when(create('wage-subsidy', true)).then(draftCreated('wage-subsidy', true));
  });

  it('D23 applies the employee-representative step only to VP, LT and VL with a representative at the P-unit', () => {
    spec.given([]).when(create('flex-job', true)).then(draftCreated('flex-job', false));
    spec.given([]).when(create('wage-subsidy', false)).then(draftCreated('wage-subsidy', false));
  });

  it('refuses a second draft on the same id', () => {
    spec.given(draftCreated('wage-subsidy', true)).when(create('wage-subsidy', true)).thenThrows({ rule: 'application-lifecycle', kind: 'conflict' });
  });

  it('refuses a draft from another job centre', () => {
    spec.given([]).when({ ...create('wage-subsidy', true), actor: { ...caseworker, org: '999' } } as ApplicationCommand).thenThrows({ rule: 'authorization', kind: 'forbidden' });
  });

  it("R9 sends the company-signed application to the employee representative ('Sendt til medarbejder-rep')", () => {
    spec.given(draftCreated('wage-subsidy', true)).when(companySigns).then([
      { type: 'ApplicationSignedByCompany', data: { applicationId: 'a-1', signedAt: D.toISOString(), method: 'nemid-employee-signature', signedBy: 'co-1' } },
      { type: 'ApplicationSentToEmployeeRep', data: { applicationId: 'a-1', sentAt: D.toISOString() } },
    ]);
  });

  it('R31 takes the received date from the employee representative: company signs on D, representative on D+3, received D+3', () => {
    const signedByCompany = spec.given(draftCreated('wage-subsidy', true)).when(companySigns).then(expect.any(Array) as never);
    spec
      .given([...draftCreated('wage-subsidy', true), ...signedByCompany])
      .when({ type: 'SignApplicationAsEmployeeRep', actor: employeeRep, now: D_PLUS_3 })
      .then([
        { type: 'ApplicationSignedByEmployeeRep', data: { applicationId: 'a-1', signedAt: D_PLUS_3.toISOString(), signedBy: 'rep-1' } },
        { type: 'ApplicationReceivedByJobcentre', data: { applicationId: 'a-1', receivedDate: '2026-03-05' } },
      ]);
  });

  it('R31 uses the company signing date when no representative step applies', () => {
    spec.given(draftCreated('flex-job', false)).when(companySigns).then([
      { type: 'ApplicationSignedByCompany', data: { applicationId: 'a-1', signedAt: D.toISOString(), method: 'nemid-employee-signature', signedBy: 'co-1' } },
      { type: 'ApplicationReceivedByJobcentre', data: { applicationId: 'a-1', receivedDate: '2026-03-02' } },
    ]);
  });

  it('R31 counts the received date as a Danish calendar date', () => {
    const lateEvening = new Date('2026-03-04T23:30:00Z'); // 00:30 on 5 March in Copenhagen
    const given = [...draftCreated('wage-subsidy', true), { type: 'ApplicationSentToEmployeeRep', data: { applicationId: 'a-1', sentAt: D.toISOString() } } as ApplicationEvent];
    const events = spec.given(given).when({ type: 'SignApplicationAsEmployeeRep', actor: employeeRep, now: lateEvening }).then(expect.any(Array) as never);
    expect(events[1]).toEqual({ type: 'ApplicationReceivedByJobcentre', data: { applicationId: 'a-1', receivedDate: '2026-03-05' } });
  });

  it("R9 lets the representative reject ('Afvist af medarbejder-rep')", () => {
    const given = [...draftCreated('wage-subsidy', true), { type: 'ApplicationSentToEmployeeRep', data: { applicationId: 'a-1', sentAt: D.toISOString() } } as ApplicationEvent];
    spec.given(given).when({ type: 'RejectApplicationAsEmployeeRep', reason: 'Ingen plads', actor: employeeRep, now: D_PLUS_3 }).then([
      { type: 'ApplicationRejectedByEmployeeRep', data: { applicationId: 'a-1', rejectedAt: D_PLUS_3.toISOString(), rejectedBy: 'rep-1', reason: 'Ingen plads' } },
    ]);
  });

  it('R9 refuses a representative signature before the company has signed', () => {
    spec.given(draftCreated('wage-subsidy', true)).when({ type: 'SignApplicationAsEmployeeRep', actor: employeeRep, now: D }).thenThrows({ rule: 'R9', kind: 'conflict' });
  });

  it("refuses a signature from another company or another company's representative", () => {
    spec.given(draftCreated('wage-subsidy', true)).when({ ...companySigns, actor: { ...company, org: '87654321' } } as ApplicationCommand).thenThrows({ rule: 'authorization', kind: 'forbidden' });
    const given = [...draftCreated('wage-subsidy', true), { type: 'ApplicationSentToEmployeeRep', data: { applicationId: 'a-1', sentAt: D.toISOString() } } as ApplicationEvent];
    spec.given(given).when({ type: 'SignApplicationAsEmployeeRep', actor: { ...employeeRep, org: '2000000002' }, now: D }).thenThrows({ rule: 'authorization', kind: 'forbidden' });
  });

  it('R37 refuses MitID Erhverv until the feature flag is on, and accepts it after', () => {
    const mitid = { ...companySigns, method: 'mitid-business' } as ApplicationCommand;
    spec.given(draftCreated('flex-job', false)).when(mitid).thenThrows({ rule: 'R37', field: 'method' });
    const events = spec.given(draftCreated('flex-job', false)).when({ ...mitid, mitidBusinessEnabled: true } as ApplicationCommand).then(expect.any(Array) as never);
    expect(events[0]).toMatchObject({ type: 'ApplicationSignedByCompany', data: { method: 'mitid-business' } });
  });

  it('R48 resends the draft link e-mail while the application is a draft, and not after', () => {
    spec.given(draftCreated('flex-job', false)).when({ type: 'ResendDraftLinkEmail', actor: caseworker, now: D_PLUS_3 }).then([
      { type: 'DraftLinkEmailResent', data: { applicationId: 'a-1', companyCvr: '12345678', sentAt: D_PLUS_3.toISOString() } },
    ]);
    const received = [...draftCreated('flex-job', false), { type: 'ApplicationReceivedByJobcentre', data: { applicationId: 'a-1', receivedDate: '2026-03-02' } } as ApplicationEvent];
    spec.given(received).when({ type: 'ResendDraftLinkEmail', actor: caseworker, now: D_PLUS_3 }).thenThrows({ rule: 'R48', kind: 'conflict' });
  });

  it("D9 sets 'Godkendt dato' when the caseworker approves a received application", () => {
    const received = [...draftCreated('flex-job', false), { type: 'ApplicationReceivedByJobcentre', data: { applicationId: 'a-1', receivedDate: '2026-03-02' } } as ApplicationEvent];
    spec.given(received).when({ type: 'ApproveApplication', actor: caseworker, now: D_PLUS_3 }).then([
      { type: 'ApplicationApproved', data: { applicationId: 'a-1', approvedDate: '2026-03-05', approvedBy: 'cw-1' } },
    ]);
    spec.given(draftCreated('flex-job', false)).when({ type: 'ApproveApplication', actor: caseworker, now: D_PLUS_3 }).thenThrows({ rule: 'application-lifecycle' });
  });
});

describe('application decider: ownership', () => {
  it('R33 transfers an application to another job centre, whatever its status', () => {
    spec.given(draftCreated('wage-subsidy', true)).when({ type: 'TransferApplication', toJobcentre: '147', actor: caseworker, now: D }).then([
      { type: 'CaseTransferredToJobcentre', data: { caseId: 'a-1', from: '101', to: '147', transferredAt: D.toISOString() } },
    ]);
  });

  it('R33 refuses a transfer by another job centre and a transfer to the same job centre', () => {
    spec.given(draftCreated('wage-subsidy', true)).when({ type: 'TransferApplication', toJobcentre: '147', actor: { ...caseworker, org: '147' }, now: D }).thenThrows({ rule: 'authorization', kind: 'forbidden' });
    spec.given(draftCreated('wage-subsidy', true)).when({ type: 'TransferApplication', toJobcentre: '101', actor: caseworker, now: D }).thenThrows({ rule: 'R33', field: 'toJobcentre' });
  });

  it('R33 hands the case to the new job centre: the old one can no longer act on it', () => {
    const transferred = [...draftCreated('wage-subsidy', true), { type: 'CaseTransferredToJobcentre', data: { caseId: 'a-1', from: '101', to: '147', transferredAt: D.toISOString() } } as ApplicationEvent];
    spec.given(transferred).when({ type: 'ResendDraftLinkEmail', actor: caseworker, now: D }).thenThrows({ rule: 'authorization' });
    spec.given(transferred).when({ type: 'ResendDraftLinkEmail', actor: { ...caseworker, org: '147' }, now: D }).then(expect.any(Array) as never);
  });

  it("R55 sets the responsible caseworker ('Sæt ansvarlig') on an application of every scheme", () => {
    for (const scheme of ['wage-subsidy', 'flex-job'] as const) {
      spec.given(draftCreated(scheme, false)).when({ type: 'AssignResponsibleCaseworker', caseworkerId: 'cw-2', actor: caseworker, now: D }).then([
        { type: 'ResponsibleCaseworkerAssigned', data: { caseId: 'a-1', caseworkerId: 'cw-2', assignedAt: D.toISOString() } },
      ]);
    }
    spec.given(draftCreated('flex-job', false)).when({ type: 'AssignResponsibleCaseworker', caseworkerId: 'cw-2', actor: company, now: D }).thenThrows({ rule: 'authorization' });
  });
});

describe('application decider: files', () => {
  const file = { sha256: 'a'.repeat(64), fileName: 'godkendelse.pdf', size: 3_000_000, contentType: 'application/pdf' };
  const support = { role: 'company-support', org: '101', userId: 'cs-1' };
  const withFile = (overrides: Partial<Extract<ApplicationCommand, { type: 'ApproveApplicationWithFile' }>> = {}): ApplicationCommand => ({
    type: 'ApproveApplicationWithFile', file, firstName: 'Mette', lastName: 'Jørgensen', confirmed: true, verifierName: 'Ole Sørensen', actor: support, now: D, ...overrides,
  });

  it('R46 attaches a file of any size to a VP, LT or VL application, once per content', () => {
    const added: ApplicationEvent = { type: 'AttachmentAdded', data: { caseId: 'a-1', file, addedAt: D.toISOString(), addedBy: 'co-1' } };
    spec.given(draftCreated('wage-subsidy', true)).when({ type: 'AddAttachment', file, actor: company, now: D }).then([added]);
    spec.given([...draftCreated('wage-subsidy', true), added]).when({ type: 'AddAttachment', file, actor: caseworker, now: D }).then([]);
    spec.given(draftCreated('wage-subsidy', true)).when({ type: 'AddAttachment', file, actor: { ...company, org: '87654321' }, now: D }).thenThrows({ rule: 'authorization' });
  });

  it("R49 R53 lets company support approve a fleksjob application with a file, recorded with its verifier, received on the upload date", () => {
    spec.given(draftCreated('flex-job', false)).when(withFile()).then([
      {
        type: 'ApprovalFileUploaded',
        data: { caseId: 'a-1', party: 'company', firstName: 'Mette', lastName: 'Jørgensen', uploadedAt: D.toISOString(), verifiedBy: 'cs-1', verifiedByName: 'Ole Sørensen', file },
      },
      { type: 'ApplicationReceivedByJobcentre', data: { applicationId: 'a-1', receivedDate: '2026-03-02' } },
    ]);
  });

  it("R49 does not offer 'Godkend med bilag' on VP, LT or VL applications in this release", () => {
    spec.given(draftCreated('wage-subsidy', false)).when(withFile()).thenThrows({ rule: 'R49', field: 'scheme' });
  });

  it('R52 needs the confirmation ticked', () => {
    spec.given(draftCreated('flex-job', false)).when(withFile({ confirmed: false })).thenThrows({ rule: 'R52', field: 'confirmed' });
  });

  it('R49 lets only company support of the owning job centre upload the approval', () => {
    spec.given(draftCreated('flex-job', false)).when(withFile({ actor: caseworker })).thenThrows({ rule: 'authorization', kind: 'forbidden' });
    spec.given(draftCreated('flex-job', false)).when(withFile({ actor: { ...support, org: '147' } })).thenThrows({ rule: 'authorization', kind: 'forbidden' });
  });
});
