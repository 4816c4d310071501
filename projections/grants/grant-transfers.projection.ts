import { latestTransfersProjection } from './latest-transfers.projection';

/** `grant_transfers`: the latest transfer of each grant (R33); its supplementary grants follow it. */
export const grantTransfersProjection = latestTransfersProjection('grant_transfers', 'grant_id', 'grant-');
