import { DataSource } from 'typeorm';
import { grantLink } from '../../src/cases/grants/grant.case';
import { Principal } from '../../src/platform/auth/principal';
import { ForbiddenError } from '../../src/platform/http/problems';
import { SCHEMES, Scheme } from '../../src/registries/schemes';
import { GRANT_STATUSES, GrantStatus } from '../../src/registries/statuses';
import { Conditions, PageRequest, pagedRows } from '../shared/paged-list';
import { GrantRow } from './grants.projection';

export interface ListGrantsQuery extends PageRequest {
  status?: GrantStatus[];
  scheme?: Scheme[];
}

/** The rows a principal may see: its job centre's, its company's or its own (as the applications list). */
function scoped(principal: Principal, where: Conditions): Conditions {
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
      throw new ForbiddenError(`A ${principal.role} has no grant list`);
  }
}

export async function listGrants(db: DataSource, principal: Principal, q: ListGrantsQuery) {
  // D7, R18: 'Lukket bevilling (ej brugt)' is neither listed nor counted; it stays in the history.
  const where = scoped(principal, new Conditions()).add(() => `status <> 'closed-unused'`).anyOf('status', q.status).anyOf('scheme', q.scheme);
  const { totalCount, rows } = await pagedRows<GrantRow>(db, 'grants', 'grant_id', where, q);
  return {
    totalCount,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((r) => ({
      id: r.grant_id,
      scheme: r.scheme,
      schemeLabel: SCHEMES[r.scheme as Scheme]?.label ?? r.scheme,
      status: r.status,
      statusLabel: GRANT_STATUSES[r.status as GrantStatus] ?? r.status,
      jobcentre: r.jobcentre,
      companyCvr: r.company_cvr,
      pNumber: r.p_number,
      period: { start: r.period_start, end: r.period_end },
      hoursPerWeek: r.hours_per_week,
      employerTask: r.employer_task,
      linkedCases: { applicationId: r.application_id, offerId: r.offer_id },
      responsibleCaseworker: r.responsible_caseworker,
      createdAt: r.created_at,
      revision: r.revision,
      links: { self: grantLink(r.grant_id) },
    })),
  };
}
