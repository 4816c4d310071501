/**
 * Run as root, the embedded server's 'postgres' user must reach the binaries and the data
 * (issue 11). These checks ask the real user, so they run only as root, and say so otherwise.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BINARY_CACHE_ROOT, firstUnreachable, placeDatabaseDir, postgresUser, reachableBinaryPackage } from './reachable-by-postgres';

const user = postgresUser(); // the test run's global setup has created it when run as root
if (!user) console.log('[reachable-by-postgres] skipped: needs root and a postgres user (the server then runs as you)');

(user ? describe : describe.skip)('as root, what the postgres user can reach', () => {
  const closed = fs.mkdtempSync(path.join(os.tmpdir(), 'vitas-reach-')); // mode 700, like `mktemp -d` or /root
  const version = `test-${process.pid}`;
  let copyDir = '';

  afterAll(() => {
    fs.rmSync(closed, { recursive: true, force: true });
    if (copyDir) fs.rmSync(copyDir, { recursive: true, force: true });
  });

  it('names the first folder that user cannot enter, and nothing once it can', () => {
    const data = path.join(closed, 'checkout', '.data');
    fs.mkdirSync(data, { recursive: true });
    expect(firstUnreachable(data, user!)).toBe(closed);
    fs.chmodSync(closed, 0o755);
    expect(firstUnreachable(data, user!)).toBeUndefined();
    fs.chmodSync(closed, 0o700);
  });

  it('puts the data of a DATA_DIR that user cannot reach where it can, and finds it there again', () => {
    const dataDir = path.join(closed, 'relocate', '.data');
    fs.mkdirSync(dataDir, { recursive: true });
    const placed = placeDatabaseDir(dataDir, user!);
    try {
      expect(placed.relocated).toBe(true);
      expect(placed.databaseDir).toMatch(/^\/var\/lib\/vitas-embedded-postgres\/data-[^/]+\/pg$/);
      expect(firstUnreachable(path.dirname(placed.databaseDir), user!)).toBeUndefined();
      expect(fs.readFileSync(path.join(path.dirname(placed.databaseDir), 'DATA_DIR'), 'utf8').trim()).toBe(dataDir);
      expect(placeDatabaseDir(dataDir, user!)).toEqual(placed);
    } finally {
      fs.rmSync(path.dirname(placed.databaseDir), { recursive: true, force: true });
    }
    const reachable = fs.mkdtempSync(path.join(os.tmpdir(), 'vitas-reach-open-'));
    fs.chmodSync(reachable, 0o755);
    expect(placeDatabaseDir(reachable, user!)).toEqual({ databaseDir: path.join(reachable, 'pg'), relocated: false });
    fs.rmSync(reachable, { recursive: true, force: true });
  });

  it('never replaces data already under an unreachable DATA_DIR: it says what to change', () => {
    const dataDir = path.join(closed, 'existing', '.data');
    fs.mkdirSync(path.join(dataDir, 'pg'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'pg', 'PG_VERSION'), '17\n');
    expect(() => placeDatabaseDir(dataDir, user!)).toThrow(`who cannot enter ${closed} to reach the data in ${dataDir}/pg: make ${closed} enterable`);
  });

  it('copies the binaries package to a folder everyone can enter, keeps links, and redoes a partial copy', () => {
    const pkg = path.join(closed, 'fake-platform');
    fs.mkdirSync(path.join(pkg, 'native', 'lib'), { recursive: true });
    fs.writeFileSync(path.join(pkg, 'native', 'lib', 'libx.so.1.2'), 'library');
    fs.symlinkSync('libx.so.1.2', path.join(pkg, 'native', 'lib', 'libx.so'));
    fs.writeFileSync(path.join(pkg, 'package.json'), '{}');

    copyDir = reachableBinaryPackage(pkg, version);
    expect(copyDir).toMatch(new RegExp(`^${BINARY_CACHE_ROOT}/fake-platform-${version}-[0-9a-f]{12}$`));
    expect(fs.readlinkSync(path.join(copyDir, 'native', 'lib', 'libx.so'))).toBe('libx.so.1.2');
    expect(fs.statSync(copyDir).mode & 0o777).toBe(0o755);
    expect(firstUnreachable(path.join(copyDir, 'native', 'lib'), user!)).toBeUndefined();

    const copied = path.join(copyDir, 'native', 'lib', 'libx.so.1.2');
    fs.truncateSync(copied, 3); // a copy damaged or cut short
    const before = fs.statSync(copyDir).ino;
    reachableBinaryPackage(pkg, version);
    expect(fs.readFileSync(copied, 'utf8')).toBe('library');
    const redone = fs.statSync(copyDir).ino;
    expect(redone).not.toBe(before);
    reachableBinaryPackage(pkg, version); // complete: kept as it is
    expect(fs.statSync(copyDir).ino).toBe(redone);
    expect(fs.readdirSync(BINARY_CACHE_ROOT).filter((n) => n.startsWith(`fake-platform-${version}`))).toEqual([path.basename(copyDir)]);
  });
});
