import { applicationsProjection } from './applications/applications.projection';
import { Projection } from './runner/projection';

/** Every projection the runner keeps up to date; `projections:rebuild` takes these names. */
export const PROJECTIONS: Projection[] = [applicationsProjection as unknown as Projection];

export function projectionByName(name: string): Projection | undefined {
  return PROJECTIONS.find((p) => p.name === name);
}
