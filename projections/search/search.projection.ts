/**
 * The one search read model `search_cases` (issue 5, D10): one row per case of every type,
 * keyed by case id, folded per case type (the stream's prefix says which).
 */
import { RecordedEvent } from '../../src/platform/event-store/event-store.port';
import { APPLICATION_EVENT_TYPES } from '../../src/cases/applications/application.events';
import { GRANT_EVENT_TYPES } from '../../src/cases/grants/grant.events';
import { IGU_AGREEMENT_EVENT_TYPES } from '../../src/cases/igu-agreements/igu-agreement.events';
import { OFFER_EVENT_TYPES } from '../../src/cases/offers/offer.events';
import { ATTACHMENT_EVENT_TYPES } from '../../src/cases/shared/attachment.events';
import { SHARED_CASE_EVENT_TYPES } from '../../src/cases/shared/case.events';
import { SUPPLEMENTARY_GRANT_EVENT_TYPES } from '../../src/cases/supplementary-grants/supplementary-grant.events';
import { Projection } from '../runner/projection';
import { ident } from '../runner/projection-table';
import { evolveApplicationSearchRow } from './search-application';
import { evolveGrantSearchRow } from './search-grant';
import { evolveIguAgreementSearchRow } from './search-igu-agreement';
import { evolveOfferSearchRow } from './search-offer';
import { SEARCH_COLUMNS, SearchRow } from './search-row';
import { evolveSupplementaryGrantSearchRow } from './search-supplementary-grant';

type Fold = (row: SearchRow | null, recorded: RecordedEvent) => SearchRow | null;

/** Stream prefix → the case's id field and its fold. */
const CASE_TYPES: { prefix: string; idField: string; evolve: Fold }[] = [
  { prefix: 'application-', idField: 'applicationId', evolve: evolveApplicationSearchRow },
  { prefix: 'offer-', idField: 'offerId', evolve: evolveOfferSearchRow },
  { prefix: 'grant-', idField: 'grantId', evolve: evolveGrantSearchRow },
  { prefix: 'supplementary-grant-', idField: 'supplementaryGrantId', evolve: evolveSupplementaryGrantSearchRow },
  { prefix: 'igu-agreement-', idField: 'iguAgreementId', evolve: evolveIguAgreementSearchRow },
];

/** Grant events that change what the grant's offer shows: its 'Godkendt dato' (D9) and whether it ceased (R25). */
const OFFER_FACTS = new Set(['GrantSentForCompanyApproval', 'GrantTerminated', 'GrantClosedAfterOrdinaryExpiry']);

function caseTypeOf(recorded: RecordedEvent) {
  return CASE_TYPES.find((t) => recorded.streamId.startsWith(t.prefix));
}

export const searchProjection: Projection<SearchRow> = {
  name: 'search_cases',
  table: 'search_cases',
  key: 'case_id',
  columns: SEARCH_COLUMNS,
  // Chosen by `npm run bench:search` (README 'Search: table, indexes and counts'): a page's total and
  // its case ids come from index-only scans, so they cost index entries of the caller's scope, not rows.
  indexes: [
    // R34/D21: a company's employer tasks (employer_task_since IS NOT NULL), newest first: a backward scan of this index, no sort.
    ['company_cvr', 'employer_task_since', 'case_id'],
    // A job centre's lists: every column they filter or sort on (but the name), so the exact count and the
    // page's ids never read the table; status third, so a status filter narrows the range.
    [
      'jobcentre', 'case_type', 'status', 'scheme', 'created_at', 'case_id', 'approved_date', 'received_date', 'review_due_date', 'ceased_date',
      'period_start', 'period_end', 'hours_per_week', 'responsible_caseworker', 'supplementary_grant_type', 'citizen_cpr', 'company_cvr', 'p_number',
      'cancelled_by_company_at', 'cessation_reason',
    ],
    // A company's lists (its cases are few: the rows are read).
    ['company_cvr', 'case_type', 'created_at'],
    // A citizen's cases, a CPR filter and an AA's citizens (R12): the count and the default page without the table.
    ['citizen_cpr', 'case_type', 'status', 'created_at', 'case_id'],
    // afterBatch and the offer's view: the grants made on an offer (D9, R25, R44).
    ['offer_id'],
    // The grant's view and command answers: its supplementary grants.
    ['parent_grant_id'],
    // The ordinary-expiry check (R42): active grants whose period has ended.
    ['case_type', 'status', 'period_end'],
  ],
  handles: [...new Set([...APPLICATION_EVENT_TYPES, ...OFFER_EVENT_TYPES, ...GRANT_EVENT_TYPES, ...SUPPLEMENTARY_GRANT_EVENT_TYPES, ...IGU_AGREEMENT_EVENT_TYPES, ...SHARED_CASE_EVENT_TYPES, ...ATTACHMENT_EVENT_TYPES])],
  keyOf(recorded) {
    const data = recorded.data as Record<string, unknown>;
    const type = caseTypeOf(recorded);
    return String((type && data[type.idField]) ?? data.caseId);
  },
  evolve(row, recorded) {
    const type = caseTypeOf(recorded);
    return type ? type.evolve(row, recorded) : row;
  },
  /**
   * An offer shows the earliest grant date of the grants made on it (D9) and has ceased when every
   * one of them has (R25). Recomputed from the grant rows themselves, so a rebuild gives the same answer.
   */
  async afterBatch(m, table, events) {
    const grantIds = events.filter((e) => OFFER_FACTS.has(e.type)).map((e) => (e.data as { grantId: string }).grantId);
    if (grantIds.length === 0) return;
    const t = ident(table);
    await m.query(
      `UPDATE ${t} o SET approved_date = a.approved, ceased_date = a.ceased
       FROM (SELECT offer_id, min(approved_date) AS approved, CASE WHEN bool_and(ceased_date IS NOT NULL) THEN max(ceased_date) END AS ceased
             FROM ${t} WHERE case_type = 'grant' AND offer_id IN (SELECT offer_id FROM ${t} WHERE case_id = ANY($1) AND offer_id IS NOT NULL) GROUP BY offer_id) a
       WHERE o.case_id = a.offer_id AND o.case_type = 'offer'`,
      [grantIds],
    );
  },
};
