import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ListSupplementaryGrantsController } from '../../../projections/supplementary-grants/list-supplementary-grants.controller';
import { CaseKitModule } from '../shared/case-kit.module';
import { ApproveSupplementaryGrantAsCompanyController } from './approve-as-company/approve-as-company.controller';
import { SupplementaryGrantOwnershipController } from './case-ownership/supplementary-grant-ownership.controller';
import { CloseSupplementaryGrantUnusedController } from './close-unused/close-unused.controller';
import { CreateSupplementaryGrantController } from './create-supplementary-grant/create-supplementary-grant.controller';
import { CreateSupplementaryGrantHandler } from './create-supplementary-grant/create-supplementary-grant.handler';
import { GetSupplementaryGrantController } from './get-supplementary-grant/get-supplementary-grant.controller';
import { NotApproveOrWithdrawController } from './not-approve-or-withdraw/not-approve-or-withdraw.controller';
import { SendForCompanyApprovalController } from './send-for-company-approval/send-for-company-approval.controller';

@Module({
  imports: [CqrsModule, CaseKitModule],
  controllers: [
    ListSupplementaryGrantsController,
    CreateSupplementaryGrantController,
    GetSupplementaryGrantController,
    SendForCompanyApprovalController,
    ApproveSupplementaryGrantAsCompanyController,
    NotApproveOrWithdrawController,
    CloseSupplementaryGrantUnusedController,
    SupplementaryGrantOwnershipController,
  ],
  providers: [CreateSupplementaryGrantHandler],
})
export class SupplementaryGrantsModule {}
