import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { TokenVerifier } from './token-verifier';

/**
 * Authentication for the whole app. Needs APP_CONFIG from a global provider (the app module
 * supplies it); the guard applies to every controller, not just those in this module.
 */
@Module({
  providers: [TokenVerifier, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokenVerifier],
})
export class AuthModule {}
