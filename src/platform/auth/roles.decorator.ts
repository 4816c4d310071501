import { SetMetadata } from '@nestjs/common';
import { Role } from './principal';

export const ROLES_KEY = 'auth:roles';

/**
 * Limits a route (or a whole controller) to the listed roles; checked by AuthGuard after the
 * token is verified. A method's list replaces its controller's list rather than adding to it.
 */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);
