import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CaseKitModule } from '../shared/case-kit.module';
import { IguAgreementOwnershipController } from './case-ownership/igu-agreement-ownership.controller';
import { CreateIguAgreementController } from './create-igu-agreement/create-igu-agreement.controller';
import { CreateIguAgreementHandler } from './create-igu-agreement/create-igu-agreement.handler';
import { GetIguAgreementController } from './get-igu-agreement/get-igu-agreement.controller';
import { GetIguAgreementHistoryController } from './get-igu-agreement-history/get-igu-agreement-history.controller';
import { SendToCitizenController } from './send-to-citizen/send-to-citizen.controller';
import { SignIguAgreementAsCitizenController } from './sign-as-citizen/sign-as-citizen.controller';

@Module({
  imports: [CqrsModule, CaseKitModule],
  controllers: [
    CreateIguAgreementController,
    GetIguAgreementController,
    GetIguAgreementHistoryController,
    SendToCitizenController,
    SignIguAgreementAsCitizenController,
    IguAgreementOwnershipController,
  ],
  providers: [CreateIguAgreementHandler],
})
export class IguAgreementsModule {}
