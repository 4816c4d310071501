import { deciderSpec } from '../../../test/support/decider-spec';
import { ApplicationFacts, GrantCommand, OfferFacts } from './grant.commands';
import { grantDecider } from './grant.decider';
import { GrantEvent } from './grant.events';
import { AT, D, active, approvedByCompany, awaitingCompany, caseworker, citizen, company, draft, drafted, sent, statusAfter } from './grant.spec-fixtures';

const spec = deciderSpec(grantDecider);
const offer = (o: Partial<OfferFacts> = {}): OfferFacts => ({ offerId: 'o-1', scheme: 'company-placement', onNationalList: true, jobcentre: '202', companyCvr: '12345678', active: true, cancelled: false, ...o });
const application = (a: Partial<ApplicationFacts> = {}): ApplicationFacts => ({ applicationId: 'a-1', status: 'approved', jobcentre: '101', scheme: 'wage-subsidy', companyCvr: '12345678', citizenCpr: '0101901234', ...a });

describe('grant decider: drafting', () => {
  it("drafts a grant in 'Bevilling udarbejdet', recording that the free-text limit applies", () => {
    const events = spec.given([]).when(draft()).then([drafted()]);
    expect(statusAfter(events)).toBe('drafted');
  });

  it('R27 D18 counts code points: 2,000 emoji are accepted, 2,001 are a 422 naming jobContent', () => {
    const atLimit = '😀'.repeat(2000);
    spec.given([]).when(draft({ jobContent: atLimit })).then([drafted({ jobContent: atLimit })]);
    spec.given([]).when(draft({ jobContent: `${atLimit}x` })).thenThrows({ rule: 'R27', field: 'jobContent', kind: 'rule-violation' });
  });

  it('R27 D18 applies the limit only from the effective date, and records that on the event (R30: old data unchanged)', () => {
    const long = 'x'.repeat(2500);
    const effectiveLater = new Date('2026-03-03T00:00:00Z');
    spec.given([]).when(draft({ jobContent: long, freeTextLimitEffectiveDate: effectiveLater })).then([drafted({ jobContent: long, freeTextLimitApplies: false })]);
    spec.given([]).when(draft({ jobContent: long, freeTextLimitEffectiveDate: D })).thenThrows({ rule: 'R27' }); // on the day: applies
  });

  it('D13 requires weekly hours for schemes with hours and refuses them for the compensating schemes', () => {
    spec.given([]).when(draft({ hoursPerWeek: null })).thenThrows({ rule: 'D13', field: 'hoursPerWeek' });
    spec.given([]).when(draft({ scheme: 'mentor', hoursPerWeek: 10 })).thenThrows({ rule: 'D13', field: 'hoursPerWeek' });
    spec.given([]).when(draft({ scheme: 'assistive-aid', hoursPerWeek: null })).then([drafted({ scheme: 'assistive-aid', hoursPerWeek: null })]);
  });

  it('R54 refuses a permanent fleksjob for a person employed in their own company', () => {
    spec.given([]).when(draft({ scheme: 'flex-job', fleksjob: { permanent: true, employedInOwnCompany: true } })).thenThrows({ rule: 'R54', field: 'fleksjob.permanent', kind: 'rule-violation' });
  });

  it('D20 allows a non-permanent fleksjob in their own company and registers the fleksjob facts', () => {
    spec.given([]).when(draft({ scheme: 'flex-job', hoursPerWeek: 12, fleksjob: { permanent: false, employedInOwnCompany: true } })).then([
      drafted({ scheme: 'flex-job', hoursPerWeek: 12 }),
      { type: 'FleksjobRegistered', data: { grantId: 'g-1', permanent: false, employedInOwnCompany: true, hoursPerWeek: 12 } },
    ]);
    spec.given([]).when(draft({ scheme: 'flex-job' })).thenThrows({ rule: 'fleksjob-facts', field: 'fleksjob' });
    spec.given([]).when(draft({ fleksjob: { permanent: false, employedInOwnCompany: false } })).thenThrows({ rule: 'fleksjob-facts' });
  });

  it("R44 puts a VP grant on a national-list offer straight into 'Afventer godkendelse hos virksomhed', never 'Bevilling udarbejdet'", () => {
    const events = spec.given([]).when(draft({ scheme: 'company-placement', offer: offer() })).then([
      drafted({ scheme: 'company-placement', offerId: 'o-1' }),
      { type: 'GrantCreatedOnOffer', data: { grantId: 'g-1', offerId: 'o-1' } },
      { type: 'GrantSentForCompanyApproval', data: { grantId: 'g-1', sentAt: AT } },
    ]);
    expect(statusAfter(events)).toBe('awaiting-company');
    const lt = spec.given([]).when(draft({ offer: offer({ scheme: 'wage-subsidy' }) })).then(expect.any(Array) as never);
    expect(statusAfter(lt)).toBe('awaiting-company');
  });

  it('R44 drafts other grants on offers as usual: an offer off the national list, or of another scheme', () => {
    const ownOffer = spec.given([]).when(draft({ offer: offer({ scheme: 'wage-subsidy', onNationalList: false, jobcentre: '101' }) })).then(expect.any(Array) as never);
    expect(ownOffer.map((e) => e.type)).toEqual(['GrantDrafted', 'GrantCreatedOnOffer']);
    const flex = spec.given([]).when(draft({ scheme: 'flex-job', hoursPerWeek: 20, fleksjob: { permanent: true, employedInOwnCompany: false }, offer: offer({ scheme: 'flex-job' }) })).then(expect.any(Array) as never);
    expect(statusAfter(flex)).toBe('drafted');
  });

  it('refuses a grant on an offer that is cancelled, not active, of another job centre off the national list, or of another scheme', () => {
    spec.given([]).when(draft({ offer: offer({ scheme: 'wage-subsidy', cancelled: true }) })).thenThrows({ rule: 'grant-on-offer', kind: 'conflict', field: 'offerId' });
    spec.given([]).when(draft({ offer: offer({ scheme: 'wage-subsidy', active: false }) })).thenThrows({ rule: 'grant-on-offer', kind: 'conflict' });
    spec.given([]).when(draft({ offer: offer({ scheme: 'wage-subsidy', onNationalList: false }) })).thenThrows({ rule: 'authorization', kind: 'forbidden' });
    spec.given([]).when(draft({ offer: offer() })).thenThrows({ rule: 'grant-on-offer', field: 'scheme', kind: 'rule-violation' });
  });

  it("makes a grant on an approved application of its own job centre, and refuses one that is not 'Godkendt'", () => {
    spec.given([]).when(draft({ application: application() })).then([drafted({ applicationId: 'a-1' })]);
    spec.given([]).when(draft({ application: application({ status: 'received' }) })).thenThrows({ rule: 'grant-on-application', kind: 'conflict', field: 'applicationId' });
    spec.given([]).when(draft({ application: application({ jobcentre: '147' }) })).thenThrows({ rule: 'authorization', kind: 'forbidden' });
    spec.given([]).when(draft({ application: application({ citizenCpr: '0202802222' }) })).thenThrows({ rule: 'grant-on-application', field: 'citizen.cpr' });
  });

  it('refuses a draft by another role or job centre, a period ending before it starts, and a second draft on one id', () => {
    spec.given([]).when(draft({ actor: company })).thenThrows({ rule: 'authorization', kind: 'forbidden' });
    spec.given([]).when(draft({ actor: { ...caseworker, org: '147' } })).thenThrows({ rule: 'authorization', kind: 'forbidden' });
    spec.given([]).when(draft({ period: { start: '2026-05-01', end: '2026-04-30' } })).thenThrows({ rule: 'grant-period', field: 'period.end' });
    spec.given([drafted()]).when(draft()).thenThrows({ rule: 'grant-lifecycle', kind: 'conflict' });
  });
});

describe('grant decider: approval', () => {
  const approve = (method: 'nemid-employee-signature' | 'mitid-business' = 'nemid-employee-signature', mitidBusinessEnabled = false): GrantCommand => ({ type: 'ApproveGrantAsCompany', method, mitidBusinessEnabled, actor: company, now: D });

  it("R64 sends a drafted grant to the company ('Afventer godkendelse hos virksomhed') once, by its job centre only", () => {
    spec.given([drafted()]).when({ type: 'SendGrantForCompanyApproval', actor: caseworker, now: D }).then([sent()]);
    spec.given([drafted(), sent()]).when({ type: 'SendGrantForCompanyApproval', actor: caseworker, now: D }).thenThrows({ rule: 'grant-lifecycle', kind: 'conflict', field: 'status' });
    spec.given([drafted()]).when({ type: 'SendGrantForCompanyApproval', actor: company, now: D }).thenThrows({ rule: 'authorization', kind: 'forbidden' });
  });

  it("R36 the company approves with its NemID employee signature: 'Aktiv'", () => {
    const events = spec.given(awaitingCompany()).when(approve()).then([approvedByCompany()]);
    expect(statusAfter([...awaitingCompany(), ...events])).toBe('active');
    spec.given([drafted()]).when(approve()).thenThrows({ rule: 'grant-lifecycle', kind: 'conflict' }); // R64: not before it is sent
  });

  it('R37 refuses MitID Erhverv until the feature flag is on, and accepts it after', () => {
    spec.given(awaitingCompany()).when(approve('mitid-business')).thenThrows({ rule: 'R37', field: 'method' });
    const [event] = spec.given(awaitingCompany()).when(approve('mitid-business', true)).then(expect.any(Array) as never);
    expect(event).toMatchObject({ type: 'GrantApprovedByCompany', data: { method: 'mitid-business' } });
  });

  it("PA two-step approval: the company, then the citizen with MitID ('Afventer godkendelse hos borger' → 'Aktiv')", () => {
    const pa = awaitingCompany('personal-assistant');
    expect(statusAfter([...pa, approvedByCompany()])).toBe('awaiting-citizen');
    spec.given(pa).when({ type: 'ApproveGrantAsCitizen', method: 'mitid', actor: citizen, now: D }).thenThrows({ rule: 'R36', kind: 'conflict' });
    const events = spec.given([...pa, approvedByCompany()]).when({ type: 'ApproveGrantAsCitizen', method: 'mitid', actor: citizen, now: D }).then([
      { type: 'GrantApprovedByCitizen', data: { grantId: 'g-1', method: 'mitid', approvedAt: AT, approvedBy: 'ci-1' } },
    ]);
    expect(statusAfter([...pa, approvedByCompany(), ...events])).toBe('active');
  });

  it('refuses an approval by another company, another citizen or the job centre', () => {
    spec.given(awaitingCompany()).when({ ...approve(), actor: { ...company, org: '87654321' } } as GrantCommand).thenThrows({ rule: 'authorization', kind: 'forbidden' });
    spec.given(awaitingCompany()).when({ ...approve(), actor: caseworker } as GrantCommand).thenThrows({ rule: 'authorization', kind: 'forbidden' });
    const paAwaitingCitizen = [...awaitingCompany('personal-assistant'), approvedByCompany()];
    spec.given(paAwaitingCitizen).when({ type: 'ApproveGrantAsCitizen', method: 'mitid', actor: { ...citizen, org: '0202802222' }, now: D }).thenThrows({ rule: 'authorization', kind: 'forbidden' });
  });
});

describe('grant decider: refusal and withdrawal (R41, D6: DFDG code 14)', () => {
  const refuse = (actor: typeof caseworker): GrantCommand => ({ type: 'RefuseGrant', reason: 'Ikke relevant', actor, now: D });
  const withdraw = (actor: typeof caseworker): GrantCommand => ({ type: 'WithdrawGrant', reason: null, actor, now: D });
  const refused = (by: string, actorId: string, reason: string | null = 'Ikke relevant'): GrantEvent[] => [{ type: 'GrantNotApproved', data: { grantId: 'g-1', by, at: AT, actorId, reason } } as GrantEvent];

  it("R41 the job centre, the company and (PA) the citizen each refuse a grant awaiting their approval: 'Afvist'", () => {
    const events = spec.given(awaitingCompany()).when(refuse(caseworker)).then(refused('jobcentre', 'cw-1'));
    expect(statusAfter([...awaitingCompany(), ...events])).toBe('not-approved');
    spec.given(awaitingCompany()).when(refuse(company)).then(refused('company', 'co-1'));
    const paAwaitingCitizen = [...awaitingCompany('personal-assistant'), approvedByCompany()];
    spec.given(paAwaitingCitizen).when(refuse(citizen)).then(refused('citizen', 'ci-1'));
    spec.given(paAwaitingCitizen).when(refuse(caseworker)).then(refused('jobcentre', 'cw-1'));
  });

  it('R41 refuses a refusal out of turn, after approval, or by someone who is not a party', () => {
    spec.given(awaitingCompany()).when(refuse(citizen)).thenThrows({ rule: 'R41', kind: 'conflict', field: 'status' });
    spec.given([...awaitingCompany('personal-assistant'), approvedByCompany()]).when(refuse(company)).thenThrows({ rule: 'R41', kind: 'conflict' });
    spec.given(active()).when(refuse(caseworker)).thenThrows({ rule: 'R41', kind: 'conflict' });
    spec.given([drafted()]).when(refuse(caseworker)).thenThrows({ rule: 'R41', kind: 'conflict' });
    spec.given(awaitingCompany()).when(refuse({ ...caseworker, org: '147' })).thenThrows({ rule: 'authorization', kind: 'forbidden' });
  });

  it("R41 the job centre, the company or the citizen withdraws a grant that has not ended: 'Trukket tilbage'", () => {
    for (const [actor, by] of [[caseworker, 'jobcentre'], [company, 'company'], [citizen, 'citizen']] as const) {
      for (const given of [[drafted()], awaitingCompany(), active()]) {
        const events = spec.given(given).when(withdraw(actor)).then([{ type: 'GrantWithdrawn', data: { grantId: 'g-1', by, at: AT, actorId: actor.userId, reason: null } }]);
        expect(statusAfter([...given, ...events])).toBe('withdrawn');
      }
    }
  });

  it('R41 refuses to withdraw a grant that has ended or is already refused', () => {
    const terminated: GrantEvent = { type: 'GrantTerminated', data: { grantId: 'g-1', scheme: 'wage-subsidy', reasonId: 3, subReasonId: null, reasonText: 'Fejlregistrering', effectiveDate: '2026-05-01', at: AT } };
    spec.given([...active(), terminated]).when(withdraw(caseworker)).thenThrows({ rule: 'R41', kind: 'conflict' });
    spec.given([...awaitingCompany(), ...refused('company', 'co-1')]).when(withdraw(company)).thenThrows({ rule: 'R41', kind: 'conflict' });
  });

  it("R27 limits the refusal's 'Begrundelse' on grants created from the effective date, and not before", () => {
    const long = 'x'.repeat(2001);
    spec.given(awaitingCompany()).when({ type: 'RefuseGrant', reason: long, actor: company, now: D }).thenThrows({ rule: 'R27', field: 'reason' });
    spec.given(awaitingCompany('wage-subsidy', { freeTextLimitApplies: false })).when({ type: 'RefuseGrant', reason: long, actor: company, now: D }).then(refused('company', 'co-1', long));
  });
});
