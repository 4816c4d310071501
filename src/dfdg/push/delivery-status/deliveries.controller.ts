import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DataSource } from 'typeorm';
import { PageQueryDto } from '../../../../projections/shared/page-query.dto';
import { CurrentPrincipal } from '../../../platform/auth/current-principal.decorator';
import { Principal } from '../../../platform/auth/principal';
import { Roles } from '../../../platform/auth/roles.decorator';
import { SubscriptionIdPipe } from '../subscriptions/subscription-id.pipe';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';

export const DELIVERY_STATUSES = ['pending', 'dead', 'delivered'] as const;

export class ListDeliveriesDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: (typeof DELIVERY_STATUSES)[number];
}

interface DeliveryRow {
  message_id: string;
  sequence: string;
  case_id: string;
  status: string;
  attempts: number;
  next_attempt_at: Date;
  last_attempt_at: Date | null;
  last_status: number | null;
  last_error: string | null;
  delivered_at: Date | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Rows written before issue 10 kept the start of the receiver's answer ("HTTP 503: <body>"),
 * which may be an internal service's text: shown with the status only, as tries record it now.
 */
const withoutReceiverText = (error: string | null) => error?.replace(/^HTTP (\d{3}): [\s\S]*$/, 'HTTP $1 from receiver') ?? null;

/** The delivery state of a subscription's messages, oldest first, for the job centre's operators. */
@ApiTags('dfdg')
@ApiBearerAuth()
@Roles('case-system')
@Controller('api/dfdg/subscriptions')
export class DeliveriesController {
  constructor(
    private readonly db: DataSource,
    private readonly subscriptions: SubscriptionsRepository,
  ) {}

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'Deliveries of a subscription by sequence, optionally of one status (pending, dead, delivered)' })
  async list(@Param('id', SubscriptionIdPipe) id: string, @Query() query: ListDeliveriesDto, @CurrentPrincipal() principal: Principal) {
    await this.subscriptions.get(id, principal.org);
    const params = [id, query.status ?? null];
    const where = `WHERE subscription_id = $1 AND ($2::text IS NULL OR status = $2)`;
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM dfdg_push_deliveries ${where}`, params);
    const rows: DeliveryRow[] = await this.db.query(
      `SELECT * FROM dfdg_push_deliveries ${where} ORDER BY sequence LIMIT $3 OFFSET $4`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    const items = rows.map((r) => ({
      messageId: r.message_id,
      sequence: Number(r.sequence),
      caseId: r.case_id,
      status: r.status,
      attempts: r.attempts,
      nextAttemptAt: r.status === 'pending' ? iso(r.next_attempt_at) : null,
      lastAttemptAt: iso(r.last_attempt_at),
      lastStatus: r.last_status,
      lastError: withoutReceiverText(r.last_error),
      deliveredAt: iso(r.delivered_at),
    }));
    return { totalCount: total as number, page: query.page, pageSize: query.pageSize, items };
  }
}
