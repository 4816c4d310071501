import { applicationsProjection } from './applications/applications.projection';
import { AnyProjection as Projection } from './runner/projection';

/** Every projection the runner keeps up to date; `projections:rebuild` takes these names. */
export const PROJECTIONS: Projection[] = [applicationsProjection];

export function projectionByName(name: string): Projection | undefined {
  return PROJECTIONS.find((p) => p.name === name);
}
