import { Principal } from '../platform/auth/principal';
import { ForbiddenError } from '../platform/http/problems';
import { isIdentifier } from '../platform/validation/identifiers';

/**
 * Issue 10: a case system acts only for its own job centre, its token's `org`. The token
 * verifier already refuses a case-system token whose org is no job centre number; this check
 * keeps the rule true where it matters even if a principal ever arrives by another path.
 */
export function ownJobcentreOf(principal: Principal): string {
  if (!isIdentifier('jobcentre', principal.org)) throw new ForbiddenError(`A ${principal.role} token must name its job centre as its org`, 'own-jobcentre');
  return principal.org;
}
