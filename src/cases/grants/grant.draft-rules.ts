/**
 * Drafting a grant (domain.md §3.3 first rows, §3.7, R44, R54, D13, D20, R27/D18); pure.
 * The facts of a linked application or offer arrive on the command.
 */
import { DomainError } from '../../platform/http/problems';
import { SCHEMES, Scheme } from '../../registries/schemes';
import { freeTextLimitApplies, requireFreeTextWithinLimit } from '../shared/free-text';
import { ApplicationFacts, DraftGrant, OfferFacts } from './grant.commands';
import { GrantEvent } from './grant.events';
import { GrantState } from './grant.state';

/** R44: VP and LT grants on a national-list offer go straight to the company. */
const SENT_AT_ONCE_FROM_NATIONAL_LIST: readonly Scheme[] = ['company-placement', 'wage-subsidy'];

export function decideDraft(c: DraftGrant, state: GrantState): GrantEvent[] {
  if (state.status !== null) throw new DomainError(`Grant ${c.grantId} already exists`, 'grant-lifecycle', { kind: 'conflict', field: 'grantId' });
  if (c.actor.role !== 'jobcentre' || c.actor.org !== c.jobcentre) {
    throw new DomainError('Only a caseworker of the owning job centre drafts a grant', 'authorization', { kind: 'forbidden', field: 'jobcentre' });
  }
  if (c.application && c.offer) throw new DomainError('A grant is made on an application or on an offer, not on both', 'grant-origin', { field: 'offerId' });
  if (c.application) requireApprovedApplication(c, c.application);
  if (c.offer) requireOpenOffer(c, c.offer);
  if (c.period.start > c.period.end) throw new DomainError(`The period ends (${c.period.end}) before it starts (${c.period.start})`, 'grant-period', { field: 'period.end' });
  requireWeeklyHours(c);
  requireFleksjobFacts(c);
  const applies = freeTextLimitApplies(c.now, c.freeTextLimitEffectiveDate);
  requireFreeTextWithinLimit({ jobContent: c.jobContent }, applies); // R27/D18

  const at = c.now.toISOString();
  const grantId = c.grantId;
  const events: GrantEvent[] = [
    {
      type: 'GrantDrafted',
      data: {
        grantId, scheme: c.scheme, jobcentre: c.jobcentre, company: c.company, citizen: c.citizen, applicationId: c.application?.applicationId ?? null,
        offerId: c.offer?.offerId ?? null, period: c.period, hoursPerWeek: c.hoursPerWeek, jobContent: c.jobContent, freeTextLimitApplies: applies, createdAt: at,
      },
    },
  ];
  if (c.fleksjob) events.push({ type: 'FleksjobRegistered', data: { grantId, ...c.fleksjob, hoursPerWeek: c.hoursPerWeek! } });
  if (c.offer) {
    events.push({ type: 'GrantCreatedOnOffer', data: { grantId, offerId: c.offer.offerId } });
    // R44: never 'Bevilling udarbejdet'; the company is asked at once.
    if (c.offer.onNationalList && SENT_AT_ONCE_FROM_NATIONAL_LIST.includes(c.scheme)) events.push({ type: 'GrantSentForCompanyApproval', data: { grantId, sentAt: at } });
  }
  return events;
}

/** D13: schemes with weekly hours need them; the compensating schemes have none. */
function requireWeeklyHours(c: DraftGrant): void {
  const compensating = SCHEMES[c.scheme].compensating;
  if (compensating && c.hoursPerWeek !== null) {
    throw new DomainError(`'${SCHEMES[c.scheme].label}' is a compensating scheme and has no weekly hours ('timetal')`, 'D13', { field: 'hoursPerWeek' });
  }
  if (!compensating && c.hoursPerWeek === null) throw new DomainError(`A '${SCHEMES[c.scheme].label}' grant needs its weekly hours ('timetal')`, 'D13', { field: 'hoursPerWeek' });
}

/** §3.7: a fleksjob grant registers whether it is permanent and whether the person is employed in their own company. */
function requireFleksjobFacts(c: DraftGrant): void {
  if (c.scheme === 'flex-job' && !c.fleksjob) throw new DomainError('A fleksjob grant needs fleksjob.permanent and fleksjob.employedInOwnCompany', 'fleksjob-facts', { field: 'fleksjob' });
  if (c.scheme !== 'flex-job' && c.fleksjob) throw new DomainError('Only a fleksjob grant carries fleksjob facts', 'fleksjob-facts', { field: 'fleksjob' });
  // R54; D20: a non-permanent fleksjob in one's own company is allowed.
  if (c.fleksjob?.permanent && c.fleksjob.employedInOwnCompany) {
    throw new DomainError('A permanent fleksjob cannot be registered for a person employed in their own company', 'R54', { field: 'fleksjob.permanent' });
  }
}

/** §3.1: the caseworker creates the grant on an approved ('Godkendt') application of its own job centre. */
function requireApprovedApplication(c: DraftGrant, a: ApplicationFacts): void {
  if (a.jobcentre !== c.jobcentre) throw new DomainError(`Application ${a.applicationId} belongs to another job centre`, 'authorization', { kind: 'forbidden', field: 'applicationId' });
  if (a.status !== 'approved') {
    throw new DomainError(`Application ${a.applicationId} is '${a.status}'; a grant is made on an approved application`, 'grant-on-application', { kind: 'conflict', field: 'applicationId' });
  }
  requireSameParties('application', c, { scheme: a.scheme, cvr: a.companyCvr, cpr: a.citizenCpr }, 'grant-on-application');
}

/** §3.2: a grant is made on an open ('Aktiv', not cancelled) offer; a national-list offer is open to every job centre (R44). */
function requireOpenOffer(c: DraftGrant, o: OfferFacts): void {
  if (!o.onNationalList && o.jobcentre !== c.jobcentre) throw new DomainError(`Offer ${o.offerId} is made to another job centre and is not on the national list`, 'authorization', { kind: 'forbidden', field: 'offerId' });
  if (!o.active || o.cancelled) {
    throw new DomainError(`Offer ${o.offerId} is ${o.cancelled ? "'Annulleret af virksomhed'" : 'not active'}; a grant is made on an active offer`, 'grant-on-offer', { kind: 'conflict', field: 'offerId' });
  }
  requireSameParties('offer', c, { scheme: o.scheme, cvr: o.companyCvr }, 'grant-on-offer');
}

function requireSameParties(what: string, c: DraftGrant, linked: { scheme: Scheme; cvr: string; cpr?: string }, rule: string): void {
  if (linked.scheme !== c.scheme) throw new DomainError(`The ${what} is for '${SCHEMES[linked.scheme].label}', not '${SCHEMES[c.scheme].label}'`, rule, { field: 'scheme' });
  if (linked.cvr !== c.company.cvr) throw new DomainError(`The ${what} is with company ${linked.cvr}`, rule, { field: 'company.cvr' });
  if (linked.cpr !== undefined && linked.cpr !== c.citizen.cpr) throw new DomainError(`The ${what} is for another citizen`, rule, { field: 'citizen.cpr' });
}
