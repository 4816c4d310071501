import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ReferenceDataModule } from '../../reference-data/reference-data.module';
import { CaseKitModule } from '../shared/case-kit.module';
import { ApproveAsCitizenController } from './approve-as-citizen/approve-as-citizen.controller';
import { ApproveAsCompanyController } from './approve-as-company/approve-as-company.controller';
import { GrantOwnershipController } from './case-ownership/grant-ownership.controller';
import { CloseUnusedController } from './close-unused/close-unused.controller';
import { DraftGrantController } from './draft-grant/draft-grant.controller';
import { DraftGrantHandler } from './draft-grant/draft-grant.handler';
import { ExtendGrantController } from './extend-grant/extend-grant.controller';
import { FollowApplicationTransferProcess } from './follow-application-transfer/follow-application-transfer.process';
import { GetGrantController } from './get-grant/get-grant.controller';
import { GetGrantHistoryController } from './get-grant-history/get-grant-history.controller';
import { GrantResponder } from './grant.respond';
import { OrdinaryExpiryScheduler } from './ordinary-expiry/ordinary-expiry.scheduler';
import { RefuseGrantController } from './refuse-grant/refuse-grant.controller';
import { ReviewGrantController } from './review-grant/review-grant.controller';
import { SendForApprovalController } from './send-for-approval/send-for-approval.controller';
import { TerminateGrantController } from './terminate-grant/terminate-grant.controller';
import { WithdrawGrantController } from './withdraw-grant/withdraw-grant.controller';
import { GrantApprovalFileController } from './approve-with-file/grant-approval-file.controller';

/** The grant case type (domain.md §3.3) for every scheme: its acts and its two scheduled processes (its lists are search lists). */
@Module({
  imports: [CqrsModule, CaseKitModule, ReferenceDataModule],
  controllers: [
    DraftGrantController,
    GetGrantController,
    GetGrantHistoryController,
    SendForApprovalController,
    ApproveAsCompanyController,
    ApproveAsCitizenController,
    RefuseGrantController,
    WithdrawGrantController,
    ExtendGrantController,
    ReviewGrantController,
    TerminateGrantController,
    CloseUnusedController,
    GrantOwnershipController,
    GrantApprovalFileController,
  ],
  providers: [DraftGrantHandler, GrantResponder, OrdinaryExpiryScheduler, FollowApplicationTransferProcess],
  exports: [OrdinaryExpiryScheduler, FollowApplicationTransferProcess],
})
export class GrantsModule {}
