import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CaseKitModule } from '../shared/case-kit.module';
import { ApplicationAttachmentsController } from './attachments/application-attachments.controller';
import { ApplicationOwnershipController } from './case-ownership/application-ownership.controller';
import { CaseworkerDecisionController } from './caseworker-decision/caseworker-decision.controller';
import { CreateApplicationDraftController } from './create-application-draft/create-application-draft.controller';
import { CreateApplicationDraftHandler } from './create-application-draft/create-application-draft.handler';
import { EmployeeRepresentativeDecisionController } from './employee-representative-decision/employee-representative-decision.controller';
import { GetApplicationController } from './get-application/get-application.controller';
import { GetApplicationHistoryController } from './get-application-history/get-application-history.controller';
import { SignAsCompanyController } from './sign-as-company/sign-as-company.controller';

@Module({
  imports: [CqrsModule, CaseKitModule],
  controllers: [
    CreateApplicationDraftController,
    GetApplicationController,
    GetApplicationHistoryController,
    SignAsCompanyController,
    EmployeeRepresentativeDecisionController,
    CaseworkerDecisionController,
    ApplicationOwnershipController,
    ApplicationAttachmentsController,
  ],
  providers: [CreateApplicationDraftHandler],
})
export class ApplicationsModule {}
