import { Body, Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal } from '../../../platform/auth/current-principal.decorator';
import { Principal } from '../../../platform/auth/principal';
import { Roles } from '../../../platform/auth/roles.decorator';
import { ProblemError } from '../../../platform/http/problems';
import { PushUrlPolicy, PushUrlRefused } from '../url-policy/push-url-policy';
import { generateSecret } from '../webhook-signature';
import { CreateSubscriptionDto, RotateSecretDto } from './subscription.dtos';
import { SubscriptionIdPipe } from './subscription-id.pipe';
import { SubscriptionsRepository } from './subscriptions.repository';

/** A case system manages its job centre's push subscriptions (its token's org is the job centre). */
@ApiTags('dfdg')
@ApiBearerAuth()
@Roles('case-system')
@Controller('api/dfdg/subscriptions')
export class SubscriptionsController {
  constructor(
    private readonly subscriptions: SubscriptionsRepository,
    private readonly urls: PushUrlPolicy,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Subscribe a URL to pushes of the job centre’s DFDG messages; answers the secret, this once' })
  async create(@Body() dto: CreateSubscriptionDto, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response) {
    await this.checkUrl(dto.url);
    const secret = dto.secret ?? generateSecret();
    const created = await this.subscriptions.create({ jobcentre: principal.org, url: dto.url, secret, from: dto.from ?? 'end', createdBy: principal.userId });
    res.location(`/api/dfdg/subscriptions/${created.id}`);
    return { ...created, secret };
  }

  @Get()
  @ApiOperation({ summary: 'The job centre’s subscriptions with their delivery counts (never their secrets)' })
  async list(@CurrentPrincipal() principal: Principal) {
    return { items: await this.subscriptions.list(principal.org) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One subscription of the job centre' })
  get(@Param('id', SubscriptionIdPipe) id: string, @CurrentPrincipal() principal: Principal) {
    return this.subscriptions.get(id, principal.org);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Stop pushing to this URL and forget its delivery state' })
  async delete(@Param('id', SubscriptionIdPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.subscriptions.delete(id, principal.org);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @ApiOperation({ summary: 'A new secret, answered this once; the previous one keeps signing too for 24 hours' })
  async rotate(@Param('id', SubscriptionIdPipe) id: string, @Body() dto: RotateSecretDto, @CurrentPrincipal() principal: Principal) {
    const secret = dto.secret ?? generateSecret();
    return { ...(await this.subscriptions.rotateSecret(id, principal.org, secret)), secret };
  }

  /** Issue 10: a push never goes inside (SSRF); the worker checks again at every push. */
  private async checkUrl(url: string): Promise<void> {
    try {
      await this.urls.checkNewSubscription(url);
    } catch (error) {
      if (!(error instanceof PushUrlRefused)) throw error;
      throw new ProblemError(error.malformed ? 'validation' : 'rule-violation', error.message, 'push-url-policy', 'url');
    }
  }
}
