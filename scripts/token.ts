/**
 * Prints a development bearer token signed with the dev key under DATA_DIR (default .data),
 * the same key the service trusts when no AUTH_JWKS_URL is set. Only the token goes to
 * stdout, so `TOKEN=$(npm run -s token -- --role company --org 12345678)` works.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/platform/config/config';
import { mintDevToken } from '../src/platform/auth/dev-keys';
import { isRole, ROLES } from '../src/platform/auth/principal';

const USAGE = 'usage: npm run token -- --role <role> --org <org> [--sub <user id>] [--name "<name>"] [--expires 8h]';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        role: { type: 'string' },
        org: { type: 'string' },
        sub: { type: 'string' },
        name: { type: 'string' },
        expires: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  const { role, org, sub, name, expires } = values;
  if (!isRole(role)) fail(`${role ? `unknown role '${role}'` : 'missing --role'}; roles: ${ROLES.join(', ')}`);
  if (!org || !org.trim()) fail('missing --org (job centre number, CVR/P-number, CPR or AA id)');

  const config = loadConfig();
  if (config.auth.jwksUrl) {
    process.stderr.write('warning: AUTH_JWKS_URL is set, so the service will not accept dev tokens\n');
  }
  let token: string;
  try {
    token = await mintDevToken(config.dataDir, { role, org, sub, name, expiresIn: expires, audience: config.auth.audience });
  } catch (error) {
    // jose rejects an unreadable time span with a TypeError.
    if (expires && error instanceof TypeError) fail(`invalid --expires '${expires}' (e.g. 30m, 8h, 7d)`);
    throw error;
  }
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
