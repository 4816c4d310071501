import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ListIguAgreementsController } from '../../../projections/igu-agreements/list-igu-agreements.controller';
import { CaseKitModule } from '../shared/case-kit.module';
import { IguAgreementOwnershipController } from './case-ownership/igu-agreement-ownership.controller';
import { CreateIguAgreementController } from './create-igu-agreement/create-igu-agreement.controller';
import { CreateIguAgreementHandler } from './create-igu-agreement/create-igu-agreement.handler';
import { GetIguAgreementController } from './get-igu-agreement/get-igu-agreement.controller';
import { SendToCitizenController } from './send-to-citizen/send-to-citizen.controller';
import { SignIguAgreementAsCitizenController } from './sign-as-citizen/sign-as-citizen.controller';

@Module({
  imports: [CqrsModule, CaseKitModule],
  controllers: [
    ListIguAgreementsController,
    CreateIguAgreementController,
    GetIguAgreementController,
    SendToCitizenController,
    SignIguAgreementAsCitizenController,
    IguAgreementOwnershipController,
  ],
  providers: [CreateIguAgreementHandler],
})
export class IguAgreementsModule {}
