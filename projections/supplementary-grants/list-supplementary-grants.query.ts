import { DataSource } from 'typeorm';
import { Principal } from '../../src/platform/auth/principal';
import { ForbiddenError } from '../../src/platform/http/problems';
import { SCHEMES, Scheme } from '../../src/registries/schemes';
import { GRANT_STATUSES } from '../../src/registries/statuses';
import { SUPPLEMENTARY_GRANT_TYPES, SupplementaryGrantType } from '../../src/registries/supplementary-grant-types';
import { SupplementaryGrantStatus } from '../../src/cases/supplementary-grants/supplementary-grant.decider';
import { grantLink, supplementaryGrantLink } from '../../src/cases/supplementary-grants/supplementary-grant.case';
import { Conditions, PageRequest, isoInstant, pagedRows } from '../shared/paged-list';
import { SupplementaryGrantRow } from './supplementary-grants.projection';

/** D7 (R18): never listed, counted or offered as a filter value; kept in the read model and the history. */
export const HIDDEN_STATUS = 'closed-unused' satisfies SupplementaryGrantStatus;
/** The status filter's values (D7: without 'Lukket bevilling (ej brugt)'). */
export const LISTED_STATUSES = ['drafted', 'awaiting-company', 'active', 'not-approved', 'withdrawn'] as const satisfies readonly Exclude<SupplementaryGrantStatus, typeof HIDDEN_STATUS>[];
export type ListedStatus = (typeof LISTED_STATUSES)[number];

export interface ListSupplementaryGrantsQuery extends PageRequest {
  status?: ListedStatus[];
  type?: SupplementaryGrantType[];
  scheme?: Scheme[];
}

/** The rows a principal may see (as GET one): its job centre's, its company's, its own. */
function scoped(principal: Principal): Conditions {
  const where = new Conditions();
  switch (principal.role) {
    case 'jobcentre':
    case 'company-support':
    case 'case-system':
      return where.add((p) => `jobcentre = ${p(principal.org)}`);
    case 'company':
      return where.add((p) => `company_cvr = ${p(principal.org)}`);
    case 'citizen':
      return where.add((p) => `citizen_cpr = ${p(principal.org)}`);
    case 'auditor':
      return where;
    default:
      throw new ForbiddenError(`A ${principal.role} has no supplementary grant list`);
  }
}

export async function listSupplementaryGrants(db: DataSource, principal: Principal, q: ListSupplementaryGrantsQuery) {
  const where = scoped(principal)
    .add((p) => `status <> ${p(HIDDEN_STATUS)}`) // D7
    .anyOf('status', q.status)
    .anyOf('supplementary_grant_type', q.type)
    .anyOf('scheme', q.scheme);
  const { totalCount, rows } = await pagedRows<SupplementaryGrantRow>(db, 'supplementary_grants', 'supplementary_grant_id', where, q);
  return {
    totalCount,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((r) => ({
      id: r.supplementary_grant_id,
      type: r.supplementary_grant_type,
      typeLabel: SUPPLEMENTARY_GRANT_TYPES[r.supplementary_grant_type as SupplementaryGrantType]?.label ?? r.supplementary_grant_type,
      scheme: r.scheme,
      schemeLabel: SCHEMES[r.scheme as Scheme]?.label ?? r.scheme, // R3
      status: r.status,
      statusLabel: GRANT_STATUSES[r.status as ListedStatus] ?? r.status,
      parentGrantId: r.parent_grant_id,
      jobcentre: r.jobcentre,
      companyCvr: r.company_cvr,
      pNumber: r.p_number,
      createdAt: isoInstant(r.created_at),
      sentForCompanyApprovalAt: isoInstant(r.sent_for_company_approval_at),
      revision: r.revision,
      linkedCases: { parentGrantId: r.parent_grant_id },
      links: { self: supplementaryGrantLink(r.supplementary_grant_id), parent: grantLink(r.parent_grant_id) },
    })),
  };
}
