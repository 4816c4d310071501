/**
 * SQL helpers of the search engine (issue 5) on `search_cases`: registry constants as literals,
 * sorting on Danish labels, and the extended filters every list shares (R8, D13). User input only
 * ever travels in bind parameters.
 */
import { Conditions } from '../shared/paged-list';

export type SortOrder = 'asc' | 'desc';

/** A registry constant as an SQL string literal (never user input: that goes in bind parameters). */
export const sqlLiteral = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** `CASE column WHEN 'code' THEN 'label' … END`: sorting on the Danish display value, from a registry (constants only). */
export function labelSql(column: string, labels: Readonly<Record<string, string>>): string {
  const whens = Object.entries(labels).map(([code, label]) => `WHEN ${sqlLiteral(code)} THEN ${sqlLiteral(label)}`);
  return `(CASE ${column} ${whens.join(' ')} ELSE ${column} END)`;
}

/** The extended filters every search list shares (R8): period overlap, parties and 'timetal' (D13). */
export interface ExtendedFilters {
  jobcentre?: string[];
  responsibleCaseworker?: string[];
  cvr?: string[];
  pNumber?: string[];
  cpr?: string[];
  periodFrom?: string;
  periodTo?: string;
  hoursMin?: number;
  hoursMax?: number;
}

export function extendedFilters(where: Conditions, f: ExtendedFilters, compensatingSchemes: readonly string[]): Conditions {
  where.anyOf('jobcentre', f.jobcentre).anyOf('responsible_caseworker', f.responsibleCaseworker).anyOf('company_cvr', f.cvr).anyOf('p_number', f.pNumber).anyOf('citizen_cpr', f.cpr);
  // Overlap with [periodFrom, periodTo]; a case without a period never matches a period filter.
  if (f.periodFrom) where.add((p) => `period_end >= ${p(f.periodFrom)}::date`);
  if (f.periodTo) where.add((p) => `period_start <= ${p(f.periodTo)}::date`);
  if (f.hoursMin !== undefined || f.hoursMax !== undefined) {
    // D13: compensating schemes (and cases without weekly hours) never match a 'timetal' filter.
    where.add((p) => `hours_per_week IS NOT NULL AND NOT (scheme = ANY(${p(compensatingSchemes)}))`);
    if (f.hoursMin !== undefined) where.add((p) => `hours_per_week >= ${p(f.hoursMin)}`);
    if (f.hoursMax !== undefined) where.add((p) => `hours_per_week <= ${p(f.hoursMax)}`);
  }
  return where;
}
