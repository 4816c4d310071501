import { deciderSpec } from '../../../test/support/decider-spec';
import { grantDecider } from './grant.decider';
import { GrantCommand } from './grant.commands';
import { AT, D, approvedByCompany, awaitingCompany, caseworker, statusAfter } from './grant.spec-fixtures';

const spec = deciderSpec(grantDecider);
const support = { role: 'company-support', org: '101', userId: 'cs-1' };
const file = { sha256: 'b'.repeat(64), fileName: 'godkendelse.pdf', size: 12_345, contentType: 'application/pdf' };
const withFile = (overrides: Partial<Extract<GrantCommand, { type: 'ApproveGrantWithFile' }>> = {}): GrantCommand => ({
  type: 'ApproveGrantWithFile', party: 'company', file, firstName: 'Mette', lastName: 'Jørgensen', confirmed: true, verifierName: 'Ole Sørensen', actor: support, now: D, ...overrides,
});

describe("grant decider: 'Godkend med bilag' (R56, R57)", () => {
  it("R56 lets company support register the company's approval of a mentor grant by upload: the grant becomes active", () => {
    const events = spec.given(awaitingCompany('mentor')).when(withFile()).then([
      { type: 'ApprovalFileUploaded', data: { caseId: 'g-1', party: 'company', firstName: 'Mette', lastName: 'Jørgensen', uploadedAt: AT, verifiedBy: 'cs-1', verifiedByName: 'Ole Sørensen', file } },
      { type: 'GrantApprovedByCompany', data: { grantId: 'g-1', method: 'uploaded-file', approvedAt: AT, approvedBy: 'Mette Jørgensen' } },
    ]);
    expect(statusAfter([...awaitingCompany('mentor'), ...events])).toBe('active');
  });

  it("R56 R57 take a PA grant through the company's and then the citizen's uploaded approval", () => {
    const afterCompany = [...awaitingCompany('personal-assistant'), approvedByCompany()];
    expect(statusAfter(afterCompany)).toBe('awaiting-citizen');
    const events = spec.given(afterCompany).when(withFile({ party: 'citizen', firstName: 'Søren', lastName: 'Ærø' })).then(expect.any(Array) as never);
    expect(events.map((e) => e.type)).toEqual(['ApprovalFileUploaded', 'GrantApprovedByCitizen']);
    expect(statusAfter([...afterCompany, ...events])).toBe('active');
  });

  it('R56 is not offered on VP, LT or other non-compensating grants', () => {
    spec.given(awaitingCompany('wage-subsidy')).when(withFile()).thenThrows({ rule: 'R56', field: 'scheme' });
  });

  it("R57 uploads a citizen's approval on PA grants only, and only when the citizen's approval is awaited", () => {
    spec.given(awaitingCompany('mentor')).when(withFile({ party: 'citizen' })).thenThrows({ rule: 'R57', field: 'party' });
    spec.given(awaitingCompany('personal-assistant')).when(withFile({ party: 'citizen' })).thenThrows({ rule: 'R57', kind: 'conflict' });
  });

  it('R52 D16 need the confirmation ticked, for the company and for the citizen', () => {
    spec.given(awaitingCompany('assistive-aid')).when(withFile({ confirmed: false })).thenThrows({ rule: 'R52', field: 'confirmed' });
    spec.given([...awaitingCompany('personal-assistant'), approvedByCompany()]).when(withFile({ party: 'citizen', confirmed: false })).thenThrows({ rule: 'D16', field: 'confirmed' });
  });

  it('R56 lets only company support of the owning job centre upload', () => {
    spec.given(awaitingCompany('mentor')).when(withFile({ actor: caseworker })).thenThrows({ rule: 'authorization', kind: 'forbidden' });
    spec.given(awaitingCompany('mentor')).when(withFile({ actor: { ...support, org: '147' } })).thenThrows({ rule: 'authorization', kind: 'forbidden' });
  });
});
