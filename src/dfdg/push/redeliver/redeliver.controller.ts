import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { CurrentPrincipal } from '../../../platform/auth/current-principal.decorator';
import { Principal } from '../../../platform/auth/principal';
import { Roles } from '../../../platform/auth/roles.decorator';
import { SubscriptionIdPipe } from '../subscriptions/subscription-id.pipe';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';

export class RedeliverDto {
  @ApiPropertyOptional({ type: [String], description: 'Dead-lettered message ids to push again; all dead ones when left out' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10_000)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  messageIds?: string[];
}

/**
 * Puts dead-lettered deliveries back to pending with fresh tries, due at once. The worker
 * pushes them in order, and the later messages of their cases, which waited, after them.
 */
@ApiTags('dfdg')
@ApiBearerAuth()
@Roles('case-system')
@Controller('api/dfdg/subscriptions')
export class RedeliverController {
  constructor(
    private readonly db: DataSource,
    private readonly subscriptions: SubscriptionsRepository,
  ) {}

  @Post(':id/redeliver')
  @HttpCode(200)
  @ApiOperation({ summary: 'Push dead-lettered messages again (all of them, or the given messageIds)' })
  async redeliver(@Param('id', SubscriptionIdPipe) id: string, @Body() dto: RedeliverDto, @CurrentPrincipal() principal: Principal) {
    await this.subscriptions.get(id, principal.org);
    const [rows]: [{ message_id: string }[], number] = await this.db.query(
      `UPDATE dfdg_push_deliveries SET status = 'pending', attempts = 0, next_attempt_at = now()
       WHERE subscription_id = $1 AND status = 'dead' AND ($2::text[] IS NULL OR message_id = ANY($2::text[]))
       RETURNING message_id, sequence`,
      [id, dto.messageIds ?? null],
    );
    const redelivered = rows.map((r) => r.message_id);
    const notDead = (dto.messageIds ?? []).filter((m) => !redelivered.includes(m));
    return { redelivered: redelivered.length, messageIds: redelivered, notDead };
  }
}
