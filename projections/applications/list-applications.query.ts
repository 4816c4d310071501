import { DataSource } from 'typeorm';
import { Principal } from '../../src/platform/auth/principal';
import { ForbiddenError } from '../../src/platform/http/problems';
import { SCHEMES, Scheme } from '../../src/registries/schemes';
import { APPLICATION_STATUSES, ApplicationStatus } from '../../src/registries/statuses';
import { applicationLink } from '../../src/cases/applications/application.view';
import { ApplicationRow } from './applications.projection';

export interface ListApplicationsQuery {
  page: number;
  pageSize: number;
  status?: ApplicationStatus[];
}

/** The rows a principal may see: its job centre's, its company's, its P-unit's or its own. */
function scopeOf(principal: Principal): { where: string; value: string } | null {
  switch (principal.role) {
    case 'jobcentre':
    case 'company-support':
    case 'case-system':
      return { where: 'jobcentre = $1', value: principal.org };
    case 'company':
      return { where: 'company_cvr = $1', value: principal.org };
    case 'employee-representative':
      return { where: '(p_number = $1 OR company_cvr = $1)', value: principal.org };
    case 'citizen':
      return { where: 'citizen_cpr = $1', value: principal.org };
    case 'auditor':
      return null;
    default:
      throw new ForbiddenError(`A ${principal.role} has no application list`);
  }
}

export async function listApplications(db: DataSource, principal: Principal, q: ListApplicationsQuery) {
  const scope = scopeOf(principal);
  const params: unknown[] = [];
  const where: string[] = [];
  if (scope) {
    params.push(scope.value);
    where.push(scope.where);
  }
  if (q.status?.length) {
    params.push(q.status);
    where.push(`status = ANY($${params.length})`);
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const [{ total }] = await db.query(`SELECT count(*)::int AS total FROM applications ${clause}`, params);
  // created_at, then the id: a stable order, so paging never repeats or drops a row.
  const rows: ApplicationRow[] = await db.query(
    `SELECT to_jsonb(a) AS row FROM applications a ${clause} ORDER BY created_at DESC, application_id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, q.pageSize, (q.page - 1) * q.pageSize],
  ).then((r: { row: ApplicationRow }[]) => r.map((x) => x.row));
  return {
    totalCount: total as number,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((r) => ({
      id: r.application_id,
      scheme: r.scheme,
      schemeLabel: SCHEMES[r.scheme as Scheme]?.label ?? r.scheme,
      status: r.status,
      statusLabel: APPLICATION_STATUSES[r.status as ApplicationStatus] ?? r.status,
      jobcentre: r.jobcentre,
      companyCvr: r.company_cvr,
      pNumber: r.p_number,
      createdAt: r.created_at,
      receivedDate: r.received_date,
      ...(principal.role === 'company' ? {} : { approvedDate: r.approved_date }), // R10
      revision: r.revision,
      links: { self: applicationLink(r.application_id) },
    })),
  };
}
