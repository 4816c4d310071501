/**
 * Turns a bearer JWT into a Principal. The signature, issuer, audience and lifetime are all
 * checked before any claim is believed; nothing about the caller comes from unsigned input.
 */
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { createRemoteJWKSet, errors, JWTPayload, jwtVerify, JWTVerifyGetKey } from 'jose';
import { APP_CONFIG, AppConfig, DEV_ISSUER } from '../config/config';
import { ProblemError } from '../http/problems';
import { IDENTIFIERS, IdentifierKindName } from '../validation/identifiers';
import { ensureDevKeyPair } from './dev-keys';
import { isRole, Principal, Role, ROLES } from './principal';

/**
 * The identifier kind of the organisation each role acts for (issue 10: least privilege). A token
 * whose `org` is not of its role's kind acts for nobody, so it is refused before any slice reads
 * it: a caseworker token for job centre "jc-east" must never reach a decider. Auditors act for
 * no organisation of the domain; their org only names them.
 */
export const ORG_KINDS: Record<Role, readonly IdentifierKindName[] | null> = {
  jobcentre: ['jobcentre'],
  'company-support': ['jobcentre'],
  'case-system': ['jobcentre'],
  company: ['cvr'],
  // The representative of one P-unit, or of the whole company (read-access.ts).
  'employee-representative': ['pNumber', 'cvr'],
  citizen: ['cpr'],
  'anden-aktoer': ['aaId'],
  auditor: null,
};
const AUDITOR_ORG = /^[\x21-\x7e]{1,64}$/;

/** Null when `org` may be the organisation of `role`; otherwise what it must be, in words. */
function orgProblem(role: Role, org: string): string | null {
  const kinds = ORG_KINDS[role];
  if (!kinds) return AUDITOR_ORG.test(org) ? null : '1–64 visible ASCII characters';
  return kinds.some((kind) => IDENTIFIERS[kind].pattern.test(org)) ? null : kinds.map((kind) => IDENTIFIERS[kind].words).join(' or ');
}

/** Asymmetric algorithms only: HS* would let anyone holding a shared secret (or the public key) sign. */
export const ALLOWED_ALGORITHMS = ['ES256', 'RS256', 'PS256', 'EdDSA'];
export const CLOCK_TOLERANCE_SECONDS = 30;
const VERIFIED_TTL_MS = 60_000;
const VERIFIED_CAPACITY = 10_000;

@Injectable()
export class TokenVerifier implements OnModuleInit {
  private readonly issuer: string;
  private readonly audience: string;
  private readonly getKey: JWTVerifyGetKey;
  private readonly devDataDir?: string;
  private readonly verified = new Map<string, { principal: Principal; until: number }>();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.audience = config.auth.audience;
    if (config.auth.jwksUrl) {
      this.issuer = config.auth.issuer;
      this.getKey = createRemoteJWKSet(new URL(config.auth.jwksUrl));
      return;
    }
    // A custom issuer without its keys would silently fall back to the dev key: refuse instead.
    if (config.auth.issuer !== DEV_ISSUER) {
      throw new Error(`AUTH_ISSUER is '${config.auth.issuer}' but AUTH_JWKS_URL is not set; configure both or neither`);
    }
    this.issuer = DEV_ISSUER;
    const dataDir = config.dataDir;
    this.devDataDir = dataDir;
    this.getKey = async () => (await ensureDevKeyPair(dataDir)).publicKey;
  }

  /** Creates the dev key pair at start-up rather than on the first request. */
  async onModuleInit(): Promise<void> {
    if (this.devDataDir) await ensureDevKeyPair(this.devDataDir);
  }

  async verify(token: string): Promise<Principal> {
    const cached = this.verified.get(token);
    if (cached && cached.until > Date.now()) return cached.principal;
    const { principal, exp } = await this.verifyUncached(token);
    this.remember(token, principal, exp);
    return principal;
  }

  /**
   * A verified token is remembered until its expiry, but at most VERIFIED_TTL_MS, so a key
   * removed from the JWKS stops being trusted within a minute. Signature checks were about a
   * tenth of a command's cost; clients send the same token on every request.
   */
  private remember(token: string, principal: Principal, exp: number | undefined): void {
    if (this.verified.size >= VERIFIED_CAPACITY) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(token, { principal, until: Math.min((exp ?? 0) * 1000, Date.now() + VERIFIED_TTL_MS) });
  }

  private async verifyUncached(token: string): Promise<{ principal: Principal; exp: number | undefined }> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.getKey, {
        issuer: this.issuer,
        audience: this.audience,
        algorithms: ALLOWED_ALGORITHMS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (error) {
      throw unauthenticated(reasonFor(error));
    }
    return { principal: toPrincipal(payload), exp: payload.exp };
  }
}

function toPrincipal(payload: JWTPayload): Principal {
  const { sub, role, org, name } = payload;
  if (typeof sub !== 'string' || sub.trim() === '') throw unauthenticated('token has no subject (sub)');
  if (!isRole(role)) throw unauthenticated(`token role '${String(role)}' is not one of ${ROLES.join(', ')}`);
  if (typeof org !== 'string' || org.trim() === '') throw unauthenticated('token has no organisation (org)');
  const expected = orgProblem(role, org);
  if (expected) throw unauthenticated(`token org of a ${role} must be ${expected}`);
  if (name !== undefined && typeof name !== 'string') throw unauthenticated('token name claim must be a string');
  return name ? { userId: sub, role, org, name } : { userId: sub, role, org };
}

function reasonFor(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return 'token is not valid yet';
    if (error.reason === 'missing') return `token lacks the ${error.claim} claim`;
    return `token ${error.claim} claim is not accepted`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'token signing algorithm is not allowed';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'token signature is invalid';
  if (error instanceof errors.JWKSNoMatchingKey) return 'token was not signed by a trusted key';
  if (error instanceof errors.JWKSTimeout) return 'token signing keys could not be fetched in time';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'token is malformed';
  if (error instanceof errors.JOSEError) return `token is invalid (${error.message})`;
  return 'token could not be verified';
}

function unauthenticated(reason: string): ProblemError {
  return new ProblemError('unauthenticated', reason, 'authentication', 'Authorization');
}
