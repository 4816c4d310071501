import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../platform/config/config';
import { DfdgPushWorker } from './delivery/push-worker';
import { DeliveriesController } from './delivery-status/deliveries.controller';
import { RedeliverController } from './redeliver/redeliver.controller';
import { SubscriptionsController } from './subscriptions/subscriptions.controller';
import { SubscriptionsRepository } from './subscriptions/subscriptions.repository';
import { PushUrlPolicy } from './url-policy/push-url-policy';

/** DFDG push delivery (issue 4, item 4): subscriptions, the delivery worker, redelivery and delivery status. */
@Module({
  controllers: [SubscriptionsController, RedeliverController, DeliveriesController],
  providers: [
    SubscriptionsRepository,
    DfdgPushWorker,
    { provide: PushUrlPolicy, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new PushUrlPolicy(config.dfdgPush.allowedHosts) },
  ],
  exports: [DfdgPushWorker],
})
export class DfdgPushModule {}
