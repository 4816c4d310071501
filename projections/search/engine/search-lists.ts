/**
 * Every search list and 'Søg' tab (issue 5), declared once: who may open it, which case rows it
 * holds, its status filter values, its optional filters, its columns and its default sort. The
 * engine turns a definition and a query into SQL; bubbles, bulk 'Sæt ansvarlig' and exports run
 * the same definitions, so a count always equals its list's total (R23, R24).
 */
import { Role } from '../../../src/platform/auth/principal';
import { APPLICATION_STATUSES, GRANT_STATUSES, IGU_AGREEMENT_STATUSES, OFFER_STATUSES } from '../../../src/registries/statuses';
import { Conditions } from '../../shared/paged-list';
import { SearchCaseType } from '../search-row';
import { SearchColumnKey } from './search-columns';

/** The optional filters beyond status and the extended ones (R8); a list names those it has. */
export type ListFilter = 'caseType' | 'scheme' | 'supplementaryGrantType' | 'ceased';

export interface SearchListDefinition {
  id: string;
  /** The Danish title, as the menu or tab shows it (and the export's file and sheet names). */
  title: string;
  roles: readonly Role[];
  caseTypes: readonly SearchCaseType[];
  /** Status filter values and their labels; a status outside them is a 400 (R18: closed-unused is none). */
  statuses: Readonly<Record<string, string>>;
  filters: readonly ListFilter[];
  columns: readonly SearchColumnKey[];
  defaultSort: { key: SearchColumnKey; order: 'asc' | 'desc' };
  /** Conditions every row of the list meets; `today` is the Danish calendar date. */
  base?: (where: Conditions, today: string) => void;
  /** Export sheets by case type (R21); absent: one sheet named by the title. */
  sheets?: readonly { title: string; caseTypes: readonly SearchCaseType[] }[];
}

const { 'closed-unused': _closedUnused, ...LISTED_GRANT_STATUSES } = GRANT_STATUSES; // R18, D7
const APPLICATION_AND_OFFER_STATUSES = { ...APPLICATION_STATUSES, ...OFFER_STATUSES }; // R9: the shared codes carry the same labels
const CASEWORKERS: Role[] = ['jobcentre', 'anden-aktoer', 'auditor'];

const APPLICATIONS: SearchListDefinition = {
  id: 'applications',
  title: 'Ansøgninger',
  roles: ['jobcentre', 'company', 'citizen', 'anden-aktoer', 'auditor'],
  caseTypes: ['application'],
  statuses: APPLICATION_STATUSES,
  filters: ['scheme'],
  columns: ['id', 'scheme', 'status', 'jobcentre', 'company', 'cpr', 'name', 'receivedDate', 'approvedDate', 'createdAt', 'responsibleCaseworker', 'assignedToMe'],
  defaultSort: { key: 'createdAt', order: 'desc' },
};

const OFFERS: SearchListDefinition = {
  id: 'offers',
  title: 'Tilbud',
  roles: ['jobcentre', 'company', 'auditor'], // an offer names no citizen, so an AA has none (R12)
  caseTypes: ['offer'],
  statuses: OFFER_STATUSES,
  filters: ['scheme', 'ceased'],
  columns: ['id', 'scheme', 'status', 'jobcentre', 'company', 'hoursPerWeek', 'approvedDate', 'ceasedDate', 'createdAt', 'responsibleCaseworker', 'cancelledByCompany'],
  defaultSort: { key: 'createdAt', order: 'desc' },
};

const GRANT_COLUMNS: SearchColumnKey[] = [
  'caseType', 'id', 'scheme', 'supplementaryGrantType', 'status', 'aaMarking', 'jobcentre', 'company', 'cpr', 'name', 'periodStart', 'periodEnd', 'hoursPerWeek',
  'approvedDate', 'createdAt', 'responsibleCaseworker', 'assignedToMe',
];

/** 'Bevillinger', and 'Søg' › 'Bevillinger' (the same rows): grants and supplementary grants together (R16). */
const GRANTS: SearchListDefinition = {
  id: 'grants',
  title: 'Bevillinger',
  roles: ['jobcentre', 'company', 'citizen', 'anden-aktoer', 'auditor'],
  caseTypes: ['grant', 'supplementary-grant'],
  statuses: LISTED_GRANT_STATUSES,
  filters: ['scheme', 'supplementaryGrantType'],
  columns: GRANT_COLUMNS,
  defaultSort: { key: 'createdAt', order: 'desc' },
  base: (where) => where.add(() => `status <> 'closed-unused'`), // D7, R18
  sheets: [
    { title: 'Bevillinger', caseTypes: ['grant'] },
    { title: 'Tillægsbevillinger', caseTypes: ['supplementary-grant'] },
  ], // R21
};

/** 'Forlængelser': active grants due for extension or review today (R26, D19). */
const EXTENSIONS: SearchListDefinition = {
  id: 'extensions',
  title: 'Forlængelser',
  roles: CASEWORKERS,
  caseTypes: ['grant'],
  statuses: { active: GRANT_STATUSES.active },
  filters: ['scheme'],
  columns: ['id', 'scheme', 'status', 'jobcentre', 'company', 'cpr', 'name', 'periodStart', 'periodEnd', 'approvedDate', 'reviewDueDate', 'responsibleCaseworker', 'assignedToMe'],
  defaultSort: { key: 'reviewDueDate', order: 'asc' },
  base: (where, today) => where.add((p) => `status = 'active' AND review_due_date <= ${p(today)}::date`),
};

/** 'Ophør': grants that have ceased, by a registered cessation or at the end of their period. */
const CESSATIONS: SearchListDefinition = {
  id: 'cessations',
  title: 'Ophør',
  roles: [...CASEWORKERS, 'company'],
  caseTypes: ['grant'],
  statuses: { terminated: GRANT_STATUSES.terminated, closed: GRANT_STATUSES.closed },
  filters: ['scheme'],
  columns: ['id', 'scheme', 'status', 'jobcentre', 'company', 'cpr', 'name', 'periodStart', 'periodEnd', 'ceasedDate', 'cessationReason', 'responsibleCaseworker', 'assignedToMe'],
  defaultSort: { key: 'ceasedDate', order: 'desc' },
  base: (where) => where.add(() => `status IN ('terminated', 'closed')`),
};

/** 'Søg' › 'Ansøgninger og tilbud': every scheme unless filtered (R5), the representative statuses (R9). */
const APPLICATIONS_AND_OFFERS: SearchListDefinition = {
  id: 'applications-and-offers',
  title: 'Ansøgninger og tilbud',
  roles: ['jobcentre', 'company', 'anden-aktoer', 'auditor'],
  caseTypes: ['application', 'offer'],
  statuses: APPLICATION_AND_OFFER_STATUSES,
  filters: ['caseType', 'scheme'],
  columns: [
    'caseType', 'id', 'scheme', 'status', 'jobcentre', 'company', 'cpr', 'name', 'receivedDate', 'approvedDate', 'createdAt', 'responsibleCaseworker', 'cancelledByCompany', 'assignedToMe',
  ],
  defaultSort: { key: 'createdAt', order: 'desc' },
};

/** 'Søg' › 'IGU-aftaler': companies too (R4). */
const IGU_AGREEMENTS: SearchListDefinition = {
  id: 'igu-agreements',
  title: 'IGU-aftaler',
  roles: ['jobcentre', 'company', 'citizen', 'auditor'],
  caseTypes: ['igu-agreement'],
  statuses: IGU_AGREEMENT_STATUSES,
  filters: [],
  columns: ['id', 'status', 'jobcentre', 'company', 'cpr', 'name', 'createdAt', 'responsibleCaseworker'],
  defaultSort: { key: 'createdAt', order: 'desc' },
};

export const SEARCH_LISTS: readonly SearchListDefinition[] = [APPLICATIONS, OFFERS, GRANTS, EXTENSIONS, CESSATIONS, APPLICATIONS_AND_OFFERS, IGU_AGREEMENTS];
export const SEARCH_LIST_IDS = SEARCH_LISTS.map((l) => l.id);

export function searchListById(id: string): SearchListDefinition | undefined {
  return SEARCH_LISTS.find((l) => l.id === id);
}
