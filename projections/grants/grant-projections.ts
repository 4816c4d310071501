import { grantApplicationTransfersProjection } from './grant-application-transfers.projection';
import { grantTransfersProjection } from './grant-transfers.projection';
import { transferFollowersProjection } from './transfer-followers.projection';

/**
 * The read models of the transfer-following processes (R33, D22): the applications' and the grants'
 * latest transfers, and the followers (grants made on applications, supplementary grants). Lists
 * are on `search_cases`.
 */
export const GRANT_PROJECTIONS = [grantApplicationTransfersProjection, grantTransfersProjection, transferFollowersProjection];
