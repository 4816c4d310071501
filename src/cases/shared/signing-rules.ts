/** R36/R37/D14 for deciders: which signing methods may be used now. Pure, no framework imports. */
import { DomainError } from '../../platform/http/problems';
import { SIGNING_METHODS, SigningMethod } from '../../registries/signing-methods';

/** R37: MitID Erhverv is refused (422, field `method`) until its feature flag is on. */
export function requireSigningMethodAvailable(method: SigningMethod, mitidBusinessEnabled: boolean): void {
  if (SIGNING_METHODS[method].featureFlag === 'mitidErhverv' && !mitidBusinessEnabled) {
    throw new DomainError('MitID Erhverv is not yet available for signing', 'R37', { field: 'method' });
  }
}
