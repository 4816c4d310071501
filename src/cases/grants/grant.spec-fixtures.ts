/** Shared givens of the grant decider specifications: actors, a draft command, and event builders. */
import { Scheme } from '../../registries/schemes';
import { DraftGrant } from './grant.commands';
import { grantDecider } from './grant.decider';
import { GrantDrafted, GrantEvent, GrantParty } from './grant.events';

export const D = new Date('2026-03-02T09:00:00Z');
export const AT = D.toISOString();
export const caseworker = { role: 'jobcentre', org: '101', userId: 'cw-1' };
export const company = { role: 'company', org: '12345678', userId: 'co-1' };
export const citizen = { role: 'citizen', org: '0101901234', userId: 'ci-1' };
export const EFFECTIVE_DATE = new Date('2022-11-01T00:00:00Z');
export const PERIOD = { start: '2026-04-01', end: '2026-09-30' };

export const draft = (overrides: Partial<DraftGrant> = {}): DraftGrant => ({
  type: 'DraftGrant', grantId: 'g-1', scheme: 'wage-subsidy', jobcentre: '101', company: { cvr: '12345678', pNumber: '1000000001' }, citizen: { cpr: '0101901234' },
  period: PERIOD, hoursPerWeek: 30, jobContent: 'Lagerarbejde', fleksjob: null, freeTextLimitEffectiveDate: EFFECTIVE_DATE, application: null, offer: null,
  actor: caseworker, now: D, ...overrides,
});

export const drafted = (overrides: Partial<GrantDrafted['data']> = {}): GrantEvent => ({
  type: 'GrantDrafted',
  data: {
    grantId: 'g-1', scheme: 'wage-subsidy', jobcentre: '101', company: { cvr: '12345678', pNumber: '1000000001' }, citizen: { cpr: '0101901234' }, applicationId: null, offerId: null,
    period: PERIOD, hoursPerWeek: 30, jobContent: 'Lagerarbejde', freeTextLimitApplies: true, createdAt: AT, ...overrides,
  },
});

export const sent = (): GrantEvent => ({ type: 'GrantSentForCompanyApproval', data: { grantId: 'g-1', sentAt: AT } });
export const approvedByCompany = (): GrantEvent => ({ type: 'GrantApprovedByCompany', data: { grantId: 'g-1', method: 'nemid-employee-signature', approvedAt: AT, approvedBy: 'co-1' } });
export const approvedByCitizen = (): GrantEvent => ({ type: 'GrantApprovedByCitizen', data: { grantId: 'g-1', method: 'mitid', approvedAt: AT, approvedBy: 'ci-1' } });
export const notApproved = (by: GrantParty, at = AT): GrantEvent => ({ type: 'GrantNotApproved', data: { grantId: 'g-1', by, at, actorId: 'cw-1', reason: null } });

/** A grant of `scheme` awaiting the company. */
export const awaitingCompany = (scheme: Scheme = 'wage-subsidy', overrides: Partial<GrantDrafted['data']> = {}): GrantEvent[] => [
  drafted({ scheme, hoursPerWeek: scheme === 'personal-assistant' || scheme === 'mentor' ? null : 30, ...overrides }),
  sent(),
];
/** An active grant ('Aktiv') of `scheme`. */
export const active = (scheme: Scheme = 'wage-subsidy', overrides: Partial<GrantDrafted['data']> = {}): GrantEvent[] =>
  scheme === 'personal-assistant' ? [...awaitingCompany(scheme, overrides), approvedByCompany(), approvedByCitizen()] : [...awaitingCompany(scheme, overrides), approvedByCompany()];

export const statusAfter = (events: GrantEvent[]) => events.reduce(grantDecider.evolve, grantDecider.initialState()).status;
