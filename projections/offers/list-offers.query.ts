import { DataSource } from 'typeorm';
import { Principal } from '../../src/platform/auth/principal';
import { ForbiddenError } from '../../src/platform/http/problems';
import { SCHEMES, Scheme } from '../../src/registries/schemes';
import { OFFER_STATUSES, OfferStatus } from '../../src/registries/statuses';
import { offerLink } from '../../src/cases/offers/offer.case';
import { cancelledByCompanyFlag } from '../../src/cases/offers/offer.view';
import { Conditions, PageRequest, isoInstant, pagedRows } from '../shared/paged-list';
import { OfferRow } from './offers.projection';

export interface ListOffersQuery extends PageRequest {
  status?: OfferStatus[];
  scheme?: Scheme[];
}

/** The rows a principal may see (as GET one): its job centre's and the national list, its company's, its P-unit's. */
function scoped(principal: Principal): Conditions {
  const where = new Conditions();
  switch (principal.role) {
    case 'jobcentre':
      return where.add((p) => `jobcentre = ${p(principal.org)} OR on_national_list`);
    case 'company-support':
    case 'case-system':
      return where.add((p) => `jobcentre = ${p(principal.org)}`);
    case 'company':
      return where.add((p) => `company_cvr = ${p(principal.org)}`);
    case 'employee-representative':
      return where.add((p) => `p_number = ${p(principal.org)} OR company_cvr = ${p(principal.org)}`);
    case 'auditor':
      return where;
    default:
      throw new ForbiddenError(`A ${principal.role} has no offer list`);
  }
}

export async function listOffers(db: DataSource, principal: Principal, q: ListOffersQuery) {
  const where = scoped(principal).anyOf('status', q.status).anyOf('scheme', q.scheme);
  const { totalCount, rows } = await pagedRows<OfferRow>(db, 'offers', 'offer_id', where, q);
  return {
    totalCount,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((r) => ({
      id: r.offer_id,
      scheme: r.scheme,
      schemeLabel: SCHEMES[r.scheme as Scheme]?.label ?? r.scheme,
      status: r.status,
      statusLabel: OFFER_STATUSES[r.status as OfferStatus] ?? r.status,
      cancelledByCompany: cancelledByCompanyFlag(isoInstant(r.cancelled_at)), // R15
      onNationalList: r.on_national_list,
      jobcentre: r.jobcentre,
      companyCvr: r.company_cvr,
      pNumber: r.p_number,
      hoursPerWeek: Number(r.hours_per_week),
      createdAt: isoInstant(r.created_at),
      linkedCases: { grantIds: r.grant_ids },
      revision: r.revision,
      links: { self: offerLink(r.offer_id) },
    })),
  };
}
