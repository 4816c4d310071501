import { grantApplicationTransfersProjection } from './grant-application-transfers.projection';
import { grantTransfersProjection } from './grant-transfers.projection';
import { grantsProjection } from './grants.projection';

/**
 * The grant slice's read models: the `grants` list, the application transfers its D22 process
 * follows, and the grants' own transfers their supplementary grants follow.
 */
export const GRANT_PROJECTIONS = [grantsProjection, grantApplicationTransfersProjection, grantTransfersProjection];
