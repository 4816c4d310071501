import { latestTransfersProjection } from './latest-transfers.projection';

/** `grant_application_transfers`: the latest transfer of each application (R33); the D22 process moves refused grants after it. */
export const grantApplicationTransfersProjection = latestTransfersProjection('grant_application_transfers', 'application_id', 'application-');
