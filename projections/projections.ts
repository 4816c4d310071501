import { aaAssignmentsProjection } from './aa-assignments/aa-assignments.projection';
import { applicationsProjection } from './applications/applications.projection';
import { dfdgMessagesProjection } from './dfdg/dfdg-messages.projection';
import { GRANT_PROJECTIONS } from './grants/grant-projections';
import { iguAgreementsProjection } from './igu-agreements/igu-agreements.projection';
import { offersProjection } from './offers/offers.projection';
import { searchProjection } from './search/search.projection';
import { supplementaryGrantsProjection } from './supplementary-grants/supplementary-grants.projection';
import { AnyProjection as Projection } from './runner/projection';

/** Every projection the runner keeps up to date; `projections:rebuild` takes these names. */
export const PROJECTIONS: Projection[] = [applicationsProjection, offersProjection, iguAgreementsProjection, supplementaryGrantsProjection, ...GRANT_PROJECTIONS, dfdgMessagesProjection, searchProjection, aaAssignmentsProjection];

export function projectionByName(name: string): Projection | undefined {
  return PROJECTIONS.find((p) => p.name === name);
}
