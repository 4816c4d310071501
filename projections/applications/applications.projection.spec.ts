import { applicationEvents, projectionSpec } from '../../test/support/projection-spec';
import { applicationsProjection } from './applications.projection';

const spec = projectionSpec(applicationsProjection);
const a1 = applicationEvents('a-1');
const a2 = applicationEvents('a-2');

const D = '2026-03-02T09:15:00.000Z';
const D_PLUS_3 = '2026-03-05T13:40:00.000Z';

/** A wage-subsidy application through company signature (day D) and the representative's (D+3). */
const receivedThroughRepresentative = [
  a1.draftCreated('2026-03-01T08:00:00.000Z'),
  a1.draftLinkEmailSent('2026-03-01T08:00:00.000Z'),
  a1.signedByCompany(D),
  a1.sentToEmployeeRep(D),
  a1.signedByEmployeeRep(D_PLUS_3),
  a1.receivedByJobcentre('2026-03-05', D_PLUS_3),
];

describe('applications projection (the applications read model)', () => {
  it('folds a new draft into a complete draft row', async () => {
    await spec.given([a1.draftCreated('2026-03-01T08:00:00.000Z'), a1.draftLinkEmailSent('2026-03-01T08:00:00.000Z')]).thenRows([
      {
        application_id: 'a-1', scheme: 'wage-subsidy', status: 'draft', jobcentre: '101', company_cvr: '12345678', p_number: '1000000001',
        citizen_cpr: '0101901234', employee_rep_step_required: true, created_at: '2026-03-01T08:00:00.000Z', company_signed_at: null,
        employee_rep_signed_at: null, received_date: null, approved_date: null, responsible_caseworker: null, revision: 1, updated_at: '2026-03-01T08:00:00.000Z',
      },
    ]);
  });

  it("R31 sets the received date to the representative's signing date, not the company's", async () => {
    const [row] = await spec.given(receivedThroughRepresentative).thenRowsMatch([
      { application_id: 'a-1', status: 'received', company_signed_at: D, employee_rep_signed_at: D_PLUS_3, received_date: '2026-03-05', approved_date: null },
    ]);
    expect(row.received_date).not.toBe('2026-03-02');
  });

  it("R9 shows 'sent-to-employee-rep' once the company has signed an application with a representative step", async () => {
    await spec
      .given([a1.draftCreated('2026-03-01T08:00:00.000Z'), a1.signedByCompany(D), a1.sentToEmployeeRep(D)])
      .thenRowsMatch([{ application_id: 'a-1', status: 'sent-to-employee-rep', company_signed_at: D, employee_rep_signed_at: null, received_date: null }]);
  });

  it("R9 shows 'rejected-by-employee-rep' when the representative rejects, with no received date", async () => {
    await spec
      .given([a1.draftCreated('2026-03-01T08:00:00.000Z'), a1.signedByCompany(D), a1.sentToEmployeeRep(D), a1.rejectedByEmployeeRep(D_PLUS_3)])
      .thenRowsMatch([{ application_id: 'a-1', status: 'rejected-by-employee-rep', received_date: null, approved_date: null }]);
  });

  it('D9 records the approved date and keeps the received date', async () => {
    await spec
      .given([...receivedThroughRepresentative, a1.approved('2026-03-10', '2026-03-10T10:00:00.000Z')])
      .thenRowsMatch([{ application_id: 'a-1', status: 'approved', received_date: '2026-03-05', approved_date: '2026-03-10', updated_at: '2026-03-10T10:00:00.000Z' }]);
  });

  it("records a caseworker's rejection of a received application as 'rejected'", async () => {
    await spec
      .given([...receivedThroughRepresentative, a1.rejected('2026-03-11', '2026-03-11T10:00:00.000Z')])
      .thenRowsMatch([{ application_id: 'a-1', status: 'rejected', received_date: '2026-03-05', approved_date: null }]);
  });

  it('keeps in the revision column the stream revision of the last event folded in, per application', async () => {
    await spec
      .given([
        a1.draftCreated('2026-03-01T08:00:00.000Z'),
        a2.draftCreated('2026-03-01T09:00:00.000Z'),
        a1.draftLinkEmailSent('2026-03-01T08:00:00.000Z'),
        a1.signedByCompany(D),
        a2.draftLinkEmailSent('2026-03-01T09:00:00.000Z'),
        a1.sentToEmployeeRep('2026-03-02T09:16:00.000Z'),
      ])
      .thenRowsMatch([
        { application_id: 'a-1', revision: 3, updated_at: '2026-03-02T09:16:00.000Z' },
        { application_id: 'a-2', revision: 1, updated_at: '2026-03-01T09:00:00.000Z' },
      ]);
  });

  it('yields no row for events of an application whose draft it never saw', async () => {
    await spec.given([applicationEvents('a-unknown').signedByCompany(D), applicationEvents('a-unknown').sentToEmployeeRep(D)]).thenRows([]);
  });

  it('orders rows by key and leaves other applications untouched by an unknown one', async () => {
    await spec
      .given([a2.draftCreated('2026-03-01T09:00:00.000Z'), applicationEvents('a-0').signedByCompany(D), a1.draftCreated('2026-03-01T08:00:00.000Z')])
      .thenRowsMatch([{ application_id: 'a-1', status: 'draft', revision: 0 }, { application_id: 'a-2', status: 'draft', revision: 0 }]);
  });
});
