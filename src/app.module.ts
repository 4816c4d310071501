import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { ProjectionsService } from '../projections/projections.service';
import { ExportModule } from '../projections/search/export/export.module';
import { SearchModule } from '../projections/search/search.module';
import { BulkSetResponsibleModule } from './cases/bulk-set-responsible/bulk-set-responsible.module';
import { AaAssignmentsModule } from './aa-assignments/aa-assignments.module';
import { AttachmentsModule } from './attachments/attachments.module';
import { ApplicationsModule } from './cases/applications/applications.module';
import { GrantsModule } from './cases/grants/grants.module';
import { IguAgreementsModule } from './cases/igu-agreements/igu-agreements.module';
import { OffersModule } from './cases/offers/offers.module';
import { SupplementaryGrantsModule } from './cases/supplementary-grants/supplementary-grants.module';
import { CodeListsModule } from './code-lists/code-lists.module';
import { DfdgModule } from './dfdg/dfdg.module';
import { DfdgPushModule } from './dfdg/push/dfdg-push.module';
import { AuthModule } from './platform/auth/auth.module';
import { AppConfig } from './platform/config/config';
import { HealthController } from './platform/health/health.controller';
import { ProblemDetailsFilter } from './platform/http/problem-details.filter';
import { IdempotencyInterceptor } from './platform/idempotency/idempotency.interceptor';
import { InstanceLiveness } from './platform/idempotency/instance-liveness';
import { PlatformModule } from './platform/platform.module';
import { ReferenceDataModule } from './reference-data/reference-data.module';

/** Wiring only: the platform, authentication, the case slices and the projection runner. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot(config), AuthModule, AttachmentsModule, ApplicationsModule, ReferenceDataModule, OffersModule, IguAgreementsModule, SupplementaryGrantsModule, GrantsModule, DfdgModule, DfdgPushModule, SearchModule, BulkSetResponsibleModule, ExportModule, AaAssignmentsModule, CodeListsModule],
      controllers: [HealthController],
      providers: [
        ProjectionsService,
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        InstanceLiveness,
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }
}
