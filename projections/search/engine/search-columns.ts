/**
 * The columns of the search lists, defined once (issue 5): the fields a column puts in an item,
 * the Danish headers and cell kinds of its spreadsheet cells (issue 6), how it sorts, and which
 * roles may not see it (R10). A list is a choice of these columns; the role's visible ones are
 * the item's fields, the sort whitelist and the export's columns alike, so they cannot disagree.
 */
import { Role } from '../../../src/platform/auth/principal';
import { SCHEMES, Scheme } from '../../../src/registries/schemes';
import { AA_MARKING_LABEL, AA_MASKING, CASE_TYPE_LABELS, FLAG_SET_LABEL } from '../../../src/registries/search-display';
import { OFFER_CANCELLED_BY_COMPANY_LABEL } from '../../../src/registries/statuses';
import { SUPPLEMENTARY_GRANT_TYPES, SupplementaryGrantType } from '../../../src/registries/supplementary-grant-types';
import { isoInstant } from '../../shared/paged-list';
import { labelSql } from '../search-query';
import { HitSql, SearchHit } from './search-hit';

/** How a spreadsheet cell holds its value: CPR and ids as text (leading zeros stay), dates as real dates. */
export type CellKind = 'text' | 'date' | 'instant' | 'number';

export interface SearchCell {
  header: string;
  kind: CellKind;
  /** Column width in characters. */
  width: number;
  value: (hit: SearchHit, labels: StatusLabels) => string | number | null;
}

export type StatusLabels = Readonly<Record<string, string>>;

export interface SearchColumn {
  /** The API's sort key, and the item field it fills. */
  key: string;
  /** The item fields (a column may fill a code and its label). */
  item: (hit: SearchHit, labels: StatusLabels) => Record<string, unknown>;
  cells: SearchCell[];
  /** The ORDER BY expression; absent when the column does not sort. */
  sort?: (sql: HitSql, labels: StatusLabels) => string;
  /** Roles that never see the column: not in items, sorts or exports (R10, R22). */
  hiddenFrom?: readonly Role[];
  /** Roles that alone see the column (the AA's 'AA' marking, R47). */
  onlyFor?: readonly Role[];
}

const label = (registry: Record<string, { label: string }>) => Object.fromEntries(Object.entries(registry).map(([k, v]) => [k, v.label]));
const SCHEME_LABELS = label(SCHEMES);
const SUPPLEMENTARY_LABELS = label(SUPPLEMENTARY_GRANT_TYPES);
const schemeLabel = (scheme: string | null) => (scheme === null ? null : (SCHEMES[scheme as Scheme]?.label ?? scheme));
const supplementaryLabel = (type: string | null) => (type === null ? null : (SUPPLEMENTARY_GRANT_TYPES[type as SupplementaryGrantType]?.label ?? type));
const text = (header: string, width: number, value: SearchCell['value']): SearchCell => ({ header, kind: 'text', width, value });
const date = (header: string, value: (h: SearchHit) => string | null): SearchCell => ({ header, kind: 'date', width: 12, value });
/** A masked citizen field shows its masking text (R12); any other empty one shows nothing. */
const maskedOr = (h: SearchHit, value: string | null, mask: string) => (h.aa_assigned === false ? mask : value);

export const SEARCH_COLUMNS = {
  caseType: {
    key: 'caseType',
    item: (h) => ({ caseType: h.case_type }),
    cells: [text('Sagstype', 16, (h) => CASE_TYPE_LABELS[h.case_type])],
    sort: (s) => labelSql(s.case_type.sort, CASE_TYPE_LABELS),
  },
  id: {
    key: 'id',
    item: (h) => ({ id: h.case_id }),
    cells: [text('Sags-id', 38, (h) => h.case_id)],
    sort: (s) => s.case_id.sort,
  },
  scheme: {
    key: 'scheme',
    item: (h) => ({ scheme: h.scheme, schemeLabel: schemeLabel(h.scheme) }),
    cells: [text('Ordning', 22, (h) => schemeLabel(h.scheme))],
    sort: (s) => labelSql(s.scheme.sort, SCHEME_LABELS),
  },
  supplementaryGrantType: {
    key: 'supplementaryGrantType',
    item: (h) => ({ supplementaryGrantType: h.supplementary_grant_type, supplementaryGrantTypeLabel: supplementaryLabel(h.supplementary_grant_type) }),
    cells: [text('Tillægsbevilling', 16, (h) => supplementaryLabel(h.supplementary_grant_type))],
    sort: (s) => labelSql(s.supplementary_grant_type.sort, SUPPLEMENTARY_LABELS),
  },
  status: {
    key: 'status',
    item: (h, labels) => ({ status: h.status, statusLabel: labels[h.status] ?? h.status }),
    cells: [text('Status', 36, (h, labels) => labels[h.status] ?? h.status)],
    sort: (s, labels) => labelSql(s.status.sort, labels),
  },
  jobcentre: {
    key: 'jobcentre',
    item: (h) => ({ jobcentre: h.jobcentre }),
    cells: [text('Jobcenter', 10, (h) => h.jobcentre)],
    sort: (s) => s.jobcentre.sort,
  },
  company: {
    key: 'company',
    item: (h) => ({ company: { cvr: h.company_cvr, pNumber: h.p_number } }),
    cells: [text('CVR-nr.', 10, (h) => h.company_cvr), text('P-nr.', 12, (h) => h.p_number)],
    sort: (s) => `(${s.company_cvr.sort} || '/' || ${s.p_number.sort})`,
  },
  cpr: {
    key: 'cpr',
    item: (h) => ({ cpr: h.citizen_cpr }),
    cells: [text('CPR', 30, (h) => maskedOr(h, h.citizen_cpr, AA_MASKING.cpr))],
    sort: (s) => s.citizen_cpr.sort,
  },
  name: {
    key: 'name',
    item: (h) => ({ name: h.citizen_name }),
    cells: [text('Navn', 28, (h) => maskedOr(h, h.citizen_name, AA_MASKING.name))],
    sort: (s) => s.citizen_name.sort,
  },
  periodStart: {
    key: 'periodStart',
    item: (h) => ({ period: { start: h.period_start, end: h.period_end } }),
    cells: [date('Startdato', (h) => h.period_start)],
    sort: (s) => s.period_start.sort,
  },
  periodEnd: {
    key: 'periodEnd',
    item: () => ({}), // the period object comes with periodStart
    cells: [date('Slutdato', (h) => h.period_end)],
    sort: (s) => s.period_end.sort,
  },
  hoursPerWeek: {
    key: 'hoursPerWeek',
    item: (h) => ({ hoursPerWeek: h.hours_per_week === null ? null : Number(h.hours_per_week) }),
    cells: [{ header: 'Timetal', kind: 'number', width: 9, value: (h) => (h.hours_per_week === null ? null : Number(h.hours_per_week)) }],
    sort: (s) => s.hours_per_week.sort,
  },
  receivedDate: {
    key: 'receivedDate',
    item: (h) => ({ receivedDate: h.received_date }),
    cells: [date('Modtaget dato', (h) => h.received_date)],
    sort: (s) => s.received_date.sort,
  },
  approvedDate: {
    key: 'approvedDate',
    item: (h) => ({ approvedDate: h.approved_date }),
    cells: [date('Godkendt dato', (h) => h.approved_date)],
    sort: (s) => s.approved_date.sort,
    hiddenFrom: ['company'], // R10
  },
  reviewDueDate: {
    key: 'reviewDueDate',
    item: (h) => ({ reviewDueDate: h.review_due_date }),
    cells: [date('Forfaldsdato', (h) => h.review_due_date)],
    sort: (s) => s.review_due_date.sort,
  },
  ceasedDate: {
    key: 'ceasedDate',
    item: (h) => ({ ceasedDate: h.ceased_date }),
    cells: [date('Ophørsdato', (h) => h.ceased_date)],
    sort: (s) => s.ceased_date.sort,
  },
  cessationReason: {
    key: 'cessationReason',
    item: (h) => ({ cessationReason: h.cessation_reason }),
    cells: [text('Ophørsårsag', 36, (h) => h.cessation_reason)],
    sort: (s) => s.cessation_reason.sort,
  },
  createdAt: {
    key: 'createdAt',
    item: (h) => ({ createdAt: isoInstant(h.created_at) }),
    cells: [{ header: 'Oprettet', kind: 'instant', width: 18, value: (h) => h.created_at }],
    sort: (s) => s.created_at.sort,
  },
  responsibleCaseworker: {
    key: 'responsibleCaseworker',
    item: (h) => ({ responsibleCaseworker: h.responsible_caseworker }),
    cells: [text('Ansvarlig', 20, (h) => h.responsible_caseworker)],
    sort: (s) => s.responsible_caseworker.sort,
  },
  cancelledByCompany: {
    key: 'cancelledByCompany',
    // R15, D24: a flag next to the status, never a status; null when not cancelled
    item: (h) => ({ cancelledByCompany: h.cancelled_by_company_at === null ? null : { at: isoInstant(h.cancelled_by_company_at), label: OFFER_CANCELLED_BY_COMPANY_LABEL } }),
    cells: [text(OFFER_CANCELLED_BY_COMPANY_LABEL, 14, (h) => (h.cancelled_by_company_at === null ? null : FLAG_SET_LABEL))],
    sort: (s) => s.cancelled_by_company_at.sort,
  },
  aaMarking: {
    key: 'aaMarking',
    item: (h) => ({ aaMarking: h.aa_marking === true }),
    cells: [text(AA_MARKING_LABEL, 5, (h) => (h.aa_marking ? AA_MARKING_LABEL : null))],
    sort: (s) => s.aa_marking.sort,
    onlyFor: ['anden-aktoer'], // R47, D17
  },
  assignedToMe: {
    key: 'assignedToMe',
    // R12: tells an AA's client whether CPR and name are masked (and by which texts) without either value
    item: (h) => (h.aa_assigned === false ? { assignedToMe: false, masked: AA_MASKING } : { assignedToMe: true }),
    cells: [],
    onlyFor: ['anden-aktoer'],
  },
} as const satisfies Record<string, SearchColumn>;

export type SearchColumnKey = keyof typeof SEARCH_COLUMNS;

/** The columns a role sees of a list's columns (R10, R22). */
export function visibleColumns(keys: readonly SearchColumnKey[], role: Role): SearchColumn[] {
  return keys.map((k) => SEARCH_COLUMNS[k] as SearchColumn).filter((c) => !c.hiddenFrom?.includes(role) && (!c.onlyFor || c.onlyFor.includes(role)));
}
