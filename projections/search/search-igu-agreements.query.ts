/** 'Søg' › 'IGU-aftaler' (issue 5, R4: companies too) on `search_cases`, with a link to each agreement (R32). */
import { DataSource } from 'typeorm';
import { iguAgreementLink } from '../../src/cases/igu-agreements/igu-agreement.case';
import { Principal } from '../../src/platform/auth/principal';
import { IGU_AGREEMENT_STATUSES, IGU_AGREEMENT_STATUS_CODES, IguAgreementStatus } from '../../src/registries/statuses';
import { Conditions, PageRequest, isoInstant } from '../shared/paged-list';
import { ExtendedFilters, SortOrder, SortWhitelist, extendedFilters, labelSql, orderBy, scopedSearch, searchList } from './search-query';

export const SEARCH_IGU_STATUSES = IGU_AGREEMENT_STATUS_CODES;

export const SEARCH_IGU_SORTS = {
  status: labelSql('status', IGU_AGREEMENT_STATUSES),
  jobcentre: 'jobcentre',
  company: "(company_cvr || '/' || p_number)",
  cpr: 'citizen_cpr',
  createdAt: 'created_at',
  responsibleCaseworker: 'responsible_caseworker',
} as const satisfies SortWhitelist<string>;
export type SearchIguSort = keyof typeof SEARCH_IGU_SORTS;
export const SEARCH_IGU_SORT_KEYS = Object.keys(SEARCH_IGU_SORTS) as SearchIguSort[];

export interface SearchIguAgreementsQuery extends PageRequest, ExtendedFilters {
  status?: IguAgreementStatus[];
  sort?: SearchIguSort;
  order?: SortOrder;
}

interface Row {
  case_id: string;
  status: string;
  jobcentre: string;
  company_cvr: string;
  p_number: string;
  citizen_cpr: string | null;
  created_at: string;
  responsible_caseworker: string | null;
}

const SELECT = `case_id, status, jobcentre, company_cvr, p_number, citizen_cpr, to_jsonb(created_at) #>> '{}' AS created_at, responsible_caseworker`;

export async function searchIguAgreements(db: DataSource, principal: Principal, q: SearchIguAgreementsQuery) {
  const where = scopedSearch(principal, new Conditions(), 'IGU-aftaler', ['jobcentre', 'company', 'citizen', 'auditor'])
    .add(() => `case_type = 'igu-agreement'`)
    .anyOf('status', q.status);
  extendedFilters(where, q, []); // an IGU agreement has no period or weekly hours: such filters match none
  const order = orderBy(SEARCH_IGU_SORTS, q.sort ?? 'createdAt', q.order ?? (q.sort ? 'asc' : 'desc'));
  return searchList<Row, Record<string, unknown>>(db, SELECT, where, order, q, (r) => ({
    caseType: 'igu-agreement',
    id: r.case_id,
    status: r.status,
    statusLabel: IGU_AGREEMENT_STATUSES[r.status as IguAgreementStatus] ?? r.status,
    jobcentre: r.jobcentre,
    company: { cvr: r.company_cvr, pNumber: r.p_number },
    cpr: r.citizen_cpr,
    createdAt: isoInstant(r.created_at),
    responsibleCaseworker: r.responsible_caseworker,
    links: { self: iguAgreementLink(r.case_id) },
  }));
}
