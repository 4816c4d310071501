import { grantApplicationTransfersProjection } from './grant-application-transfers.projection';
import { grantsProjection } from './grants.projection';

/** The grant slice's read models: the `grants` list and the application transfers its D22 process follows. */
export const GRANT_PROJECTIONS = [grantsProjection, grantApplicationTransfersProjection];
