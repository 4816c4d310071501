/** The case type behind each kind of `search_cases` row: its link (R32) and its decider (bulk 'Sæt ansvarlig'). */
import { applicationCase } from '../../src/cases/applications/application.case';
import { grantCase } from '../../src/cases/grants/grant.case';
import { iguAgreementCase } from '../../src/cases/igu-agreements/igu-agreement.case';
import { offerCase } from '../../src/cases/offers/offer.case';
import { CaseType } from '../../src/cases/shared/case-type';
import { supplementaryGrantCase } from '../../src/cases/supplementary-grants/supplementary-grant.case';
import { SearchCaseType } from './search-row';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const SEARCH_CASE_TYPES: Record<SearchCaseType, CaseType<any, any, any>> = {
  application: applicationCase,
  offer: offerCase,
  grant: grantCase,
  'supplementary-grant': supplementaryGrantCase,
  'igu-agreement': iguAgreementCase,
};
