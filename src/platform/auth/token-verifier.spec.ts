import * as fs from 'node:fs';
import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { base64url, exportJWK, exportSPKI, generateKeyPair, JWTPayload, KeyLike, SignJWT } from 'jose';
import { AppConfig, DEFAULT_AUDIENCE, DEV_ISSUER, loadConfig } from '../config/config';
import { ProblemError } from '../http/problems';
import { ensureDevKeyPair, mintDevToken } from './dev-keys';
import { TokenVerifier } from './token-verifier';

const now = () => Math.floor(Date.now() / 1000);

function configFor(dataDir: string, auth: Partial<AppConfig['auth']> = {}): AppConfig {
  const config = loadConfig({ DATA_DIR: dataDir });
  return { ...config, auth: { ...config.auth, ...auth } };
}

/** Signs arbitrary claims with a key, for tokens mintDevToken deliberately cannot produce. */
async function sign(key: KeyLike | Uint8Array, claims: JWTPayload, header: { alg: string; kid?: string }): Promise<string> {
  return new SignJWT({ iss: DEV_ISSUER, aud: DEFAULT_AUDIENCE, sub: 'user-1', role: 'jobcentre', org: '101', exp: now() + 600, ...claims })
    .setProtectedHeader(header)
    .sign(key);
}

async function expectUnauthenticated(promise: Promise<unknown>, reason?: RegExp): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProblemError);
  expect((error as ProblemError).kind).toBe('unauthenticated');
  expect((error as ProblemError).field).toBe('Authorization');
  if (reason) expect((error as ProblemError).message).toMatch(reason);
}

describe('TokenVerifier', () => {
  let dataDir: string;
  let verifier: TokenVerifier;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitas-auth-'));
    verifier = new TokenVerifier(configFor(dataDir));
    await verifier.onModuleInit();
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  describe('dev key', () => {
    it('stores the pair once, private key readable only by the owner', async () => {
      const keyFile = path.join(dataDir, 'dev-keys', 'private-key.pem');
      expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
      const jwk = JSON.parse(fs.readFileSync(path.join(dataDir, 'dev-keys', 'public-key.jwk.json'), 'utf8'));
      expect(jwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', kid: expect.any(String) });
      expect(jwk.d).toBeUndefined();
      expect((await ensureDevKeyPair(dataDir)).kid).toBe(jwk.kid);
    });

    it('verifies a minted dev token to its principal', async () => {
      const token = await mintDevToken(dataDir, { role: 'jobcentre', org: '101', sub: 'user-1', name: 'Jens Hansen' });
      await expect(verifier.verify(token)).resolves.toEqual({ userId: 'user-1', role: 'jobcentre', org: '101', name: 'Jens Hansen' });
    });

    it('rejects a tampered signature and a tampered payload', async () => {
      const [header, payload, signature] = (await mintDevToken(dataDir, { role: 'company', org: '12345678' })).split('.');
      const flipped = signature.slice(0, 10) + (signature[10] === 'A' ? 'B' : 'A') + signature.slice(11);
      await expectUnauthenticated(verifier.verify([header, payload, flipped].join('.')), /signature/);
      const escalated = base64url.encode(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'jobcentre' }));
      await expectUnauthenticated(verifier.verify([header, escalated, signature].join('.')), /signature/);
    });

    it('rejects a wrong issuer, a wrong audience and an expired token', async () => {
      await expectUnauthenticated(verifier.verify(await mintDevToken(dataDir, { role: 'citizen', org: '0101901234', issuer: 'urn:evil' })), /iss/);
      await expectUnauthenticated(verifier.verify(await mintDevToken(dataDir, { role: 'citizen', org: '0101901234', audience: 'other-api' })), /aud/);
      const { privateKey, kid } = await ensureDevKeyPair(dataDir);
      await expectUnauthenticated(verifier.verify(await sign(privateKey, { exp: now() - 120 }, { alg: 'ES256', kid })), /expired/);
      await expectUnauthenticated(verifier.verify(await sign(privateKey, { exp: undefined }, { alg: 'ES256', kid })), /exp/);
    });

    it('rejects an unknown role, a missing org and a missing subject', async () => {
      const { privateKey, kid } = await ensureDevKeyPair(dataDir);
      await expectUnauthenticated(verifier.verify(await sign(privateKey, { role: 'admin' }, { alg: 'ES256', kid })), /role/);
      await expectUnauthenticated(verifier.verify(await sign(privateKey, { org: undefined }, { alg: 'ES256', kid })), /org/);
      await expectUnauthenticated(verifier.verify(await sign(privateKey, { org: '' }, { alg: 'ES256', kid })), /org/);
      await expectUnauthenticated(verifier.verify(await sign(privateKey, { sub: undefined }, { alg: 'ES256', kid })), /sub/);
    });

    it('rejects a token whose org is not of its role\'s identifier kind (issue 10: it acts for nobody)', async () => {
      const { privateKey, kid } = await ensureDevKeyPair(dataDir);
      const refused: [string, string, RegExp][] = [
        ['jobcentre', 'jc-east', /jobcentre must be a job centre number/], ['case-system', '12345', /job centre number/], ['company-support', '', /org/],
        ['company', '1000000001', /CVR number/], ['employee-representative', '123456789', /P-number \(10 digits\) or a CVR number/], ['citizen', '010190123', /CPR number/],
        ['anden-aktoer', 'aa/../x', /Anden Aktør id/], ['auditor', 'a b', /visible ASCII/],
      ];
      for (const [role, org, reason] of refused) await expectUnauthenticated(verifier.verify(await sign(privateKey, { role, org }, { alg: 'ES256', kid })), reason);
      for (const [role, org] of [['case-system', '5574'], ['company', '12345678'], ['employee-representative', '1000000001'], ['employee-representative', '12345678'], ['citizen', '0101901234'], ['anden-aktoer', 'aa-1'], ['auditor', 'rigsrevisionen']]) {
        await expect(verifier.verify(await sign(privateKey, { role, org }, { alg: 'ES256', kid }))).resolves.toMatchObject({ role, org });
      }
    });

    it('rejects unsigned and HMAC tokens', async () => {
      const claims = { iss: DEV_ISSUER, aud: DEFAULT_AUDIENCE, sub: 'user-1', role: 'jobcentre', org: '101', exp: now() + 600 };
      const none = `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64url.encode(JSON.stringify(claims))}.`;
      await expectUnauthenticated(verifier.verify(none));
      await expectUnauthenticated(verifier.verify(await sign(new TextEncoder().encode('secret'), {}, { alg: 'HS256' })), /algorithm/);
      // Key confusion: the public key is no secret, so HMAC with it must not pass either.
      const spki = await exportSPKI((await ensureDevKeyPair(dataDir)).publicKey);
      await expectUnauthenticated(verifier.verify(await sign(new TextEncoder().encode(spki), {}, { alg: 'HS256' })), /algorithm/);
      await expectUnauthenticated(verifier.verify('not-a-jwt'), /malformed/);
    });

    it('refuses a custom issuer without a JWKS URL instead of trusting the dev key', () => {
      expect(() => new TokenVerifier(configFor(dataDir, { issuer: 'https://idp.example' }))).toThrow(/AUTH_JWKS_URL/);
    });
  });

  describe('with a JWKS URL', () => {
    const issuer = 'https://idp.example/realms/vitas';
    let server: http.Server;
    let idpKey: KeyLike;
    let remote: TokenVerifier;

    beforeAll(async () => {
      const pair = await generateKeyPair('RS256');
      idpKey = pair.privateKey;
      const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'idp-1', alg: 'RS256', use: 'sig' }] });
      server = http.createServer((req, res) => {
        if (req.url !== '/jwks') return void res.writeHead(404).end();
        res.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      remote = new TokenVerifier(configFor(dataDir, { issuer, jwksUrl: `http://127.0.0.1:${port}/jwks` }));
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('verifies a token signed by the identity provider key', async () => {
      const token = await sign(idpKey, { iss: issuer, sub: 'idp-user', role: 'company', org: '12345678' }, { alg: 'RS256', kid: 'idp-1' });
      await expect(remote.verify(token)).resolves.toEqual({ userId: 'idp-user', role: 'company', org: '12345678' });
    });

    it('no longer trusts the dev key, even with the right issuer and audience', async () => {
      const devToken = await mintDevToken(dataDir, { role: 'jobcentre', org: '101', issuer });
      await expectUnauthenticated(remote.verify(devToken), /trusted key/);
      const { privateKey } = await ensureDevKeyPair(dataDir);
      const sameKid = await sign(privateKey, { iss: issuer }, { alg: 'ES256', kid: 'idp-1' });
      await expectUnauthenticated(remote.verify(sameKid));
    });
  });
});
