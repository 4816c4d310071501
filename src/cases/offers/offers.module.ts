import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CaseKitModule } from '../shared/case-kit.module';
import { CancelOfferController } from './cancel-offer/cancel-offer.controller';
import { OfferOwnershipController } from './case-ownership/offer-ownership.controller';
import { CreateOfferController } from './create-offer/create-offer.controller';
import { CreateOfferHandler } from './create-offer/create-offer.handler';
import { OfferEmployeeRepresentativeDecisionController } from './employee-representative-decision/employee-representative-decision.controller';
import { GetOfferController } from './get-offer/get-offer.controller';
import { GetOfferHistoryController } from './get-offer-history/get-offer-history.controller';
import { OfferResponder } from './offer.respond';

@Module({
  imports: [CqrsModule, CaseKitModule],
  controllers: [
    CreateOfferController,
    GetOfferController,
    GetOfferHistoryController,
    OfferEmployeeRepresentativeDecisionController,
    CancelOfferController,
    OfferOwnershipController,
  ],
  providers: [CreateOfferHandler, OfferResponder],
})
export class OffersModule {}
