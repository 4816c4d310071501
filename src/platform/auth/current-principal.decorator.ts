import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Principal } from './principal';

/** Request shape the auth guard relies on; `principal` is set only after verification. */
export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
}

/**
 * The verified caller, as set by AuthGuard. Undefined only on @Public() routes, which the
 * guard does not authenticate.
 */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal | undefined =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().principal,
);
