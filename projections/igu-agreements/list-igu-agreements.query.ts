import { DataSource } from 'typeorm';
import { Principal } from '../../src/platform/auth/principal';
import { ForbiddenError } from '../../src/platform/http/problems';
import { IGU_AGREEMENT_STATUSES, IguAgreementStatus } from '../../src/registries/statuses';
import { iguAgreementLink } from '../../src/cases/igu-agreements/igu-agreement.case';
import { Conditions, PageRequest, isoInstant, pagedRows } from '../shared/paged-list';
import { IguAgreementRow } from './igu-agreements.projection';

export interface ListIguAgreementsQuery extends PageRequest {
  status?: IguAgreementStatus[];
}

/** The rows a principal may see (as GET one): its job centre's, its company's (R4), its own once sent to it. */
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
      return where.add((p) => `citizen_cpr = ${p(principal.org)} AND status <> 'draft'`);
    case 'auditor':
      return where;
    default:
      throw new ForbiddenError(`A ${principal.role} has no IGU agreement list`);
  }
}

export async function listIguAgreements(db: DataSource, principal: Principal, q: ListIguAgreementsQuery) {
  const { totalCount, rows } = await pagedRows<IguAgreementRow>(db, 'igu_agreements', 'igu_agreement_id', scoped(principal).anyOf('status', q.status), q);
  return {
    totalCount,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((r) => ({
      id: r.igu_agreement_id,
      status: r.status,
      statusLabel: IGU_AGREEMENT_STATUSES[r.status as IguAgreementStatus] ?? r.status,
      jobcentre: r.jobcentre,
      companyCvr: r.company_cvr,
      pNumber: r.p_number,
      citizenCpr: r.citizen_cpr,
      createdAt: isoInstant(r.created_at),
      sentToCitizenAt: isoInstant(r.sent_to_citizen_at),
      signedByCitizenAt: isoInstant(r.signed_by_citizen_at),
      revision: r.revision,
      links: { self: iguAgreementLink(r.igu_agreement_id) },
    })),
  };
}
