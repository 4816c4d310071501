/**
 * Development signing key: lets the service run (and `npm run token` mint tokens) without an
 * identity provider. The pair is created once under `<dataDir>/dev-keys/` (git-ignored) and
 * reused, so tokens survive restarts. Never trusted when an OIDC JWKS URL is configured.
 */
import { createPublicKey, KeyObject, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { calculateJwkThumbprint, exportJWK, exportPKCS8, generateKeyPair, importPKCS8, JWK, KeyLike, SignJWT } from 'jose';
import { DEFAULT_AUDIENCE, DEV_ISSUER } from '../config/config';
import { isRole, Role, ROLES } from './principal';

export const DEV_KEY_ALG = 'ES256';
const PRIVATE_FILE = 'private-key.pem';
const PUBLIC_FILE = 'public-key.jwk.json';

export interface DevKeyPair {
  kid: string;
  privateKey: KeyLike;
  publicKey: KeyObject;
  /** Public JWK including `kid`, `alg` and `use`, as written to `public-key.jwk.json`. */
  publicJwk: JWK;
}

export interface DevTokenOptions {
  role: Role;
  org: string;
  sub?: string;
  name?: string;
  /** jose time span, e.g. '8h', '30m'. */
  expiresIn?: string;
  audience?: string;
  issuer?: string;
}

// One load per directory and process; the promise is shared so concurrent callers agree.
const cache = new Map<string, Promise<DevKeyPair>>();

export function ensureDevKeyPair(dataDir: string): Promise<DevKeyPair> {
  const dir = path.join(path.resolve(dataDir), 'dev-keys');
  let pair = cache.get(dir);
  if (!pair) {
    pair = loadOrCreate(dir);
    pair.catch(() => cache.delete(dir));
    cache.set(dir, pair);
  }
  return pair;
}

export async function mintDevToken(dataDir: string, options: DevTokenOptions): Promise<string> {
  if (!isRole(options.role)) throw new Error(`Unknown role '${String(options.role)}'; expected one of ${ROLES.join(', ')}`);
  if (!options.org) throw new Error('A dev token needs an org');
  const keys = await ensureDevKeyPair(dataDir);
  const claims: Record<string, string> = { role: options.role, org: options.org };
  if (options.name) claims.name = options.name;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: DEV_KEY_ALG, kid: keys.kid, typ: 'JWT' })
    .setIssuer(options.issuer ?? DEV_ISSUER)
    .setAudience(options.audience ?? DEFAULT_AUDIENCE)
    // A stable default subject keeps one dev "user" per role and org across tokens.
    .setSubject(options.sub ?? `dev-${options.role}-${options.org}`)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '8h')
    .sign(keys.privateKey);
}

async function loadOrCreate(dir: string): Promise<DevKeyPair> {
  const privatePath = path.join(dir, PRIVATE_FILE);
  let pem = await readIfExists(privatePath);
  if (pem === undefined) {
    await createPrivateKey(dir, privatePath);
    pem = await fs.readFile(privatePath, 'utf8');
  }
  // The public half is derived from the private key, so the two files can never disagree;
  // the JWK file exists for people and tools that want to trust the dev key.
  const privateKey = await importPKCS8(pem, DEV_KEY_ALG);
  const publicKey = createPublicKey(pem);
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk);
  const publicJwk: JWK = { ...jwk, kid, alg: DEV_KEY_ALG, use: 'sig' };
  await writePublicJwk(dir, publicJwk);
  return { kid, privateKey, publicKey, publicJwk };
}

async function createPrivateKey(dir: string, privatePath: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const { privateKey } = await generateKeyPair(DEV_KEY_ALG, { extractable: true });
  const tmp = path.join(dir, `.${PRIVATE_FILE}.${randomUUID()}`);
  await fs.writeFile(tmp, await exportPKCS8(privateKey), { mode: 0o600 });
  try {
    // link() publishes the complete file atomically and fails if another process
    // (e.g. `npm run token` next to a starting server) already created one: theirs wins.
    await fs.link(tmp, privatePath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await fs.unlink(tmp);
  }
}

async function writePublicJwk(dir: string, jwk: JWK): Promise<void> {
  const content = `${JSON.stringify(jwk, null, 2)}\n`;
  const target = path.join(dir, PUBLIC_FILE);
  if ((await readIfExists(target)) === content) return;
  const tmp = path.join(dir, `.${PUBLIC_FILE}.${randomUUID()}`);
  await fs.writeFile(tmp, content, { mode: 0o644 });
  await fs.rename(tmp, target);
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
