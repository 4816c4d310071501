/**
 * 'Søg' › 'Ansøgninger og tilbud' (issue 5): applications and offers together on `search_cases`,
 * every scheme unless filtered (R4, R5), with the representative statuses (R9), 'Godkendt dato'
 * hidden from companies (R10), the 'Annulleret af virksomhed' flag on offers (R15, D24) and a
 * link to each case (R32).
 */
import { DataSource } from 'typeorm';
import { applicationLink } from '../../src/cases/applications/application.case';
import { offerLink } from '../../src/cases/offers/offer.case';
import { Principal } from '../../src/platform/auth/principal';
import { SCHEMES, SCHEME_CODES, Scheme } from '../../src/registries/schemes';
import { APPLICATION_STATUSES, ApplicationStatus, OFFER_CANCELLED_BY_COMPANY_LABEL, OFFER_STATUSES, OfferStatus } from '../../src/registries/statuses';
import { Conditions, PageRequest, isoInstant } from '../shared/paged-list';
import { ExtendedFilters, SortOrder, SortWhitelist, extendedFilters, labelSql, orderBy, refuseHiddenSort, scopedSearch, searchList } from './search-query';

export const SEARCH_CASE_TYPES = ['application', 'offer'] as const;
export type ApplicationOrOffer = (typeof SEARCH_CASE_TYPES)[number];
/** Both status lists in one: the R9 codes are shared and carry the same labels. */
const STATUS_LABELS: Record<string, string> = { ...APPLICATION_STATUSES, ...OFFER_STATUSES };
export const SEARCH_APPLICATION_OFFER_STATUSES = Object.keys(STATUS_LABELS) as (ApplicationStatus | OfferStatus)[];
export type SearchApplicationOfferStatus = ApplicationStatus | OfferStatus;

const schemeLabels = Object.fromEntries(SCHEME_CODES.map((s) => [s, SCHEMES[s].label]));

/** The sort whitelist: API column → SQL expression; scheme and status sort on their Danish labels. */
export const SEARCH_APPLICATION_OFFER_SORTS = {
  caseType: 'case_type',
  scheme: labelSql('scheme', schemeLabels),
  status: labelSql('status', STATUS_LABELS),
  jobcentre: 'jobcentre',
  company: "(company_cvr || '/' || p_number)",
  cpr: 'citizen_cpr',
  receivedDate: 'received_date',
  approvedDate: 'approved_date',
  createdAt: 'created_at',
  responsibleCaseworker: 'responsible_caseworker',
  cancelledByCompany: 'cancelled_by_company_at',
} as const satisfies SortWhitelist<string>;
export type SearchApplicationOfferSort = keyof typeof SEARCH_APPLICATION_OFFER_SORTS;
export const SEARCH_APPLICATION_OFFER_SORT_KEYS = Object.keys(SEARCH_APPLICATION_OFFER_SORTS) as SearchApplicationOfferSort[];

export interface SearchApplicationsAndOffersQuery extends PageRequest, ExtendedFilters {
  caseType?: ApplicationOrOffer[];
  scheme?: Scheme[];
  status?: SearchApplicationOfferStatus[];
  sort?: SearchApplicationOfferSort;
  order?: SortOrder;
}

interface Row {
  case_type: ApplicationOrOffer;
  case_id: string;
  scheme: string;
  status: string;
  jobcentre: string;
  company_cvr: string;
  p_number: string;
  citizen_cpr: string | null;
  received_date: string | null;
  approved_date: string | null;
  created_at: string;
  responsible_caseworker: string | null;
  cancelled_by_company_at: string | null;
}

const SELECT = `case_type, case_id, scheme, status, jobcentre, company_cvr, p_number, citizen_cpr, received_date::text AS received_date,
  approved_date::text AS approved_date, to_jsonb(created_at) #>> '{}' AS created_at, responsible_caseworker,
  to_jsonb(cancelled_by_company_at) #>> '{}' AS cancelled_by_company_at`;

const COMPENSATING = SCHEME_CODES.filter((s) => SCHEMES[s].compensating);

export async function searchApplicationsAndOffers(db: DataSource, principal: Principal, q: SearchApplicationsAndOffersQuery) {
  refuseHiddenSort(principal, q.sort); // R10
  const isCompany = principal.role === 'company';
  const where = scopedSearch(principal, new Conditions(), 'Ansøgninger og tilbud', ['jobcentre', 'company', 'auditor'])
    .add(() => `case_type IN ('application', 'offer')`)
    .anyOf('case_type', q.caseType)
    .anyOf('scheme', q.scheme) // R5: no scheme filter, every scheme
    .anyOf('status', q.status);
  extendedFilters(where, q, COMPENSATING);
  const order = orderBy(SEARCH_APPLICATION_OFFER_SORTS, q.sort ?? 'createdAt', q.order ?? (q.sort ? 'asc' : 'desc'));
  return searchList<Row, Record<string, unknown>>(db, SELECT, where, order, q, (r) => ({
    caseType: r.case_type,
    id: r.case_id,
    scheme: r.scheme,
    schemeLabel: SCHEMES[r.scheme as Scheme]?.label ?? r.scheme,
    status: r.status,
    statusLabel: STATUS_LABELS[r.status] ?? r.status,
    jobcentre: r.jobcentre,
    company: { cvr: r.company_cvr, pNumber: r.p_number },
    cpr: r.citizen_cpr, // null on an offer (no citizen yet)
    receivedDate: r.received_date,
    ...(isCompany ? {} : { approvedDate: r.approved_date }), // R10: never a key for a company
    createdAt: isoInstant(r.created_at),
    responsibleCaseworker: r.responsible_caseworker,
    // R15, D24: a flag next to the status, never a status; null on applications
    cancelledByCompany: r.cancelled_by_company_at === null ? null : { at: isoInstant(r.cancelled_by_company_at), label: OFFER_CANCELLED_BY_COMPANY_LABEL },
    links: { self: r.case_type === 'offer' ? offerLink(r.case_id) : applicationLink(r.case_id) },
  }));
}
