import { Module } from '@nestjs/common';
import { DfdgPushWorker } from './delivery/push-worker';
import { DeliveriesController } from './delivery-status/deliveries.controller';
import { RedeliverController } from './redeliver/redeliver.controller';
import { SubscriptionsController } from './subscriptions/subscriptions.controller';
import { SubscriptionsRepository } from './subscriptions/subscriptions.repository';

/** DFDG push delivery (issue 4, item 4): subscriptions, the delivery worker, redelivery and delivery status. */
@Module({
  controllers: [SubscriptionsController, RedeliverController, DeliveriesController],
  providers: [SubscriptionsRepository, DfdgPushWorker],
  exports: [DfdgPushWorker],
})
export class DfdgPushModule {}
