import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CaseKitModule } from '../shared/case-kit.module';
import { ApproveSupplementaryGrantAsCompanyController } from './approve-as-company/approve-as-company.controller';
import { SupplementaryGrantOwnershipController } from './case-ownership/supplementary-grant-ownership.controller';
import { CloseSupplementaryGrantUnusedController } from './close-unused/close-unused.controller';
import { CreateSupplementaryGrantController } from './create-supplementary-grant/create-supplementary-grant.controller';
import { CreateSupplementaryGrantHandler } from './create-supplementary-grant/create-supplementary-grant.handler';
import { FollowGrantTransferProcess } from './follow-grant-transfer/follow-grant-transfer.process';
import { GetSupplementaryGrantController } from './get-supplementary-grant/get-supplementary-grant.controller';
import { GetSupplementaryGrantHistoryController } from './get-supplementary-grant-history/get-supplementary-grant-history.controller';
import { NotApproveOrWithdrawController } from './not-approve-or-withdraw/not-approve-or-withdraw.controller';
import { SendForCompanyApprovalController } from './send-for-company-approval/send-for-company-approval.controller';

/** The supplementary grant case type (domain.md §3.4): its acts and the process that moves it with its grant (R33); its list is a search list. */
@Module({
  imports: [CqrsModule, CaseKitModule],
  controllers: [
    CreateSupplementaryGrantController,
    GetSupplementaryGrantController,
    GetSupplementaryGrantHistoryController,
    SendForCompanyApprovalController,
    ApproveSupplementaryGrantAsCompanyController,
    NotApproveOrWithdrawController,
    CloseSupplementaryGrantUnusedController,
    SupplementaryGrantOwnershipController,
  ],
  providers: [CreateSupplementaryGrantHandler, FollowGrantTransferProcess],
  exports: [FollowGrantTransferProcess],
})
export class SupplementaryGrantsModule {}
