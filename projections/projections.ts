import { aaAssignmentsProjection } from './aa-assignments/aa-assignments.projection';
import { dfdgMessagesProjection } from './dfdg/dfdg-messages.projection';
import { GRANT_PROJECTIONS } from './grants/grant-projections';
import { searchProjection } from './search/search.projection';
import { AnyProjection as Projection } from './runner/projection';

/** Every projection the runner keeps up to date; `projections:rebuild` takes these names. */
export const PROJECTIONS: Projection[] = [...GRANT_PROJECTIONS, dfdgMessagesProjection, searchProjection, aaAssignmentsProjection];

export function projectionByName(name: string): Projection | undefined {
  return PROJECTIONS.find((p) => p.name === name);
}
