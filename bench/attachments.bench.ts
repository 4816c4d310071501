/**
 * npm run bench:attachments: BENCH_FILES (8) parallel uploads, then as many parallel downloads, of
 * BENCH_FILE_MB (50) MB each (a PDF header and filler, so the type check passes) against the real
 * app (a child process on a throw-away embedded PostgreSQL), while the child's peak RSS is
 * watched (VmHWM and VmRSS of /proc/<pid>/status). Every download is checked byte for byte by its
 * SHA-256. The last stdout line is one JSON object: upload_mb_per_s, download_mb_per_s,
 * peak_rss_mb (the target: at most 300), and the figures around them. MB here is 10^6 bytes.
 */
import { ChildProcess, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { mintDevToken } from '../src/platform/auth/dev-keys';
import { startAppProcess } from './app-process';
import { freePort, log, round, runBench } from './support';

const FILES = Number(process.env.BENCH_FILES ?? 8);
const FILE_BYTES = Number(process.env.BENCH_FILE_MB ?? 50) * 1_000_000;
const MB = 1_000_000;

/** The file's bytes, piece by piece, never all at once: `%PDF-1.7` then a repeated random block (each file its own). */
function* fileBytes(seed: Buffer, size: number): Generator<Buffer> {
  const header = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');
  yield header;
  for (let sent = header.length; sent < size; sent += seed.length) yield seed.subarray(0, Math.min(seed.length, size - sent));
}

function sha256Of(seed: Buffer, size: number): string {
  const hash = createHash('sha256');
  for (const piece of fileBytes(seed, size)) hash.update(piece);
  return hash.digest('hex');
}

interface Answer {
  status: number;
  body: string;
}

function request(port: number, method: string, url: string, token: string, body?: unknown): Promise<Answer> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: url, headers: { Authorization: `Bearer ${token}`, ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } : {}) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, body: text }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** A multipart upload written piece by piece with backpressure (the bench holds no file in memory either). */
function upload(port: number, url: string, token: string, seed: Buffer, size: number): Promise<Answer> {
  const boundary = `----vitas-bench-${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bilag.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: 'POST', path: url, headers: { Authorization: `Bearer ${token}`, 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': head.length + size + tail.length } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, body: text }));
      },
    );
    req.on('error', reject);
    const pieces = fileBytes(seed, size);
    const pump = () => {
      for (;;) {
        const next = pieces.next();
        if (next.done) return void req.end(tail);
        if (!req.write(next.value)) return void req.once('drain', pump);
      }
    };
    req.write(head);
    pump();
  });
}

/** Downloads and hashes a file without keeping it. */
function download(port: number, url: string, token: string): Promise<{ status: number; bytes: number; sha256: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: url, headers: { Authorization: `Bearer ${token}` } }, (res) => {
        const hash = createHash('sha256');
        let bytes = 0;
        res.on('data', (c: Buffer) => {
          hash.update(c);
          bytes += c.length;
        });
        res.on('end', () => resolve({ status: res.statusCode!, bytes, sha256: hash.digest('hex') }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

/** Watches a process's memory (kB figures of /proc/<pid>/status) until stopped. */
function watchMemory(pid: number) {
  const read = () => {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  };
  let peakRss = 0;
  const sample = () => {
    try {
      peakRss = Math.max(peakRss, read().rss);
    } catch {
      // the process is gone
    }
  };
  const timer = setInterval(sample, 20);
  return {
    now: () => read(),
    /** The highest VmRSS sampled since the last reset. */
    peakSampled: () => (sample(), peakRss),
    reset: () => (peakRss = 0),
    stop: () => clearInterval(timer),
  };
}

/**
 * The app as production runs it (`node dist/src/main.js`): compiled by tsc into a throw-away folder
 * first, so the figures are not the in-process compiler's. BENCH_APP=register runs src/main.ts
 * under @swc-node/register instead, as the other benches do (about 100 MiB more at idle).
 */
function compileApp(): { args: string[]; cleanup: () => void } {
  const root = path.resolve(__dirname, '..');
  if (process.env.BENCH_APP === 'register') return { args: ['-r', '@swc-node/register', 'src/main.ts'], cleanup: () => undefined };
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitas-bench-dist-'));
  log('compiling the app (tsc -p tsconfig.build.json)');
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', outDir, '--sourceMap', 'false'], { cwd: root, encoding: 'utf8' });
  const entry = path.join(outDir, 'src', 'main.js');
  if (!fs.existsSync(entry)) throw new Error(`tsc emitted no ${entry}: ${tsc.stdout}${tsc.stderr}`);
  if (tsc.status !== 0) log('tsc reported type errors (emitted anyway):', tsc.stdout.split('\n').slice(0, 5).join(' | '));
  return { args: [entry], cleanup: () => fs.rmSync(outDir, { recursive: true, force: true }) };
}

function startApp(url: string, dataDir: string, port: number, args: string[]): Promise<ChildProcess> {
  // NODE_PATH: the compiled app lies outside the repository and finds its packages in the repository's node_modules.
  return startAppProcess({ args, env: { NODE_PATH: path.resolve(__dirname, '..', 'node_modules'), DATABASE_URL: url, DATA_DIR: dataDir }, port });
}

runBench('attachments', async (url) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitas-bench-attachments-'));
  const port = await freePort();
  const compiled = compileApp();
  const app = await startApp(url, dataDir, port, compiled.args).catch((error: unknown) => {
    compiled.cleanup();
    throw error;
  });
  const memory = watchMemory(app.pid!);
  try {
    const caseworker = await mintDevToken(dataDir, { role: 'jobcentre', org: '101' });
    const company = await mintDevToken(dataDir, { role: 'company', org: '12345678' });
    await request(port, 'PUT', '/api/reference-data/companies', caseworker, [{ cvr: '12345678', name: 'Østergaard Smede ApS' }]);
    await request(port, 'PUT', '/api/reference-data/p-units', caseworker, [{ pNumber: '1000000001', cvr: '12345678', name: 'Østergaard Smede, Aarhus', hasEmployeeRepresentative: true }]);
    const files = await Promise.all(
      Array.from({ length: FILES }, async (_, i) => {
        const draft = await request(port, 'POST', '/api/applications', caseworker, { scheme: 'company-placement', company: { cvr: '12345678', pNumber: '1000000001' }, citizen: { cpr: String(1_000_000_000 + i) } });
        if (draft.status !== 201) throw new Error(`draft → ${draft.status} ${draft.body}`);
        const seed = randomBytes(1024 * 1024);
        return { applicationId: JSON.parse(draft.body).id as string, seed, sha256: sha256Of(seed, FILE_BYTES) };
      }),
    );
    const baseline = memory.now();
    log(`app idle: VmRSS ${round(baseline.rss / 1024, 1)} MiB, VmHWM ${round(baseline.hwm / 1024, 1)} MiB; ${FILES} × ${FILE_BYTES / MB} MB`);

    memory.reset();
    let t0 = performance.now();
    const uploaded = await Promise.all(files.map((f) => upload(port, `/api/applications/${f.applicationId}/attachments`, company, f.seed, FILE_BYTES)));
    const uploadSeconds = (performance.now() - t0) / 1000;
    const uploadPeak = memory.peakSampled();
    const links = uploaded.map((res, i) => {
      if (res.status !== 201) throw new Error(`upload ${i} → ${res.status} ${res.body.slice(0, 500)}`);
      const attachment = JSON.parse(res.body).attachments[0];
      if (attachment.sha256 !== files[i].sha256 || attachment.size !== FILE_BYTES) throw new Error(`upload ${i} stored ${attachment.sha256} (${attachment.size} bytes)`);
      return attachment.links.download as string;
    });
    log(`uploads: ${round(uploadSeconds, 1)} s, peak VmRSS ${round(uploadPeak / 1024, 1)} MiB`);

    memory.reset();
    t0 = performance.now();
    const downloaded = await Promise.all(links.map((link) => download(port, link, caseworker)));
    const downloadSeconds = (performance.now() - t0) / 1000;
    const downloadPeak = memory.peakSampled();
    downloaded.forEach((d, i) => {
      if (d.status !== 200 || d.bytes !== FILE_BYTES || d.sha256 !== files[i].sha256) throw new Error(`download ${i} → ${d.status}, ${d.bytes} bytes, ${d.sha256}`);
    });
    log(`downloads: ${round(downloadSeconds, 1)} s, peak VmRSS ${round(downloadPeak / 1024, 1)} MiB`);

    const end = memory.now();
    const totalMb = (FILES * FILE_BYTES) / MB;
    return {
      app: process.env.BENCH_APP === 'register' ? 'src/main.ts under @swc-node/register' : 'compiled (node dist/src/main.js)',
      files: FILES,
      file_mb: FILE_BYTES / MB,
      upload_mb_per_s: round(totalMb / uploadSeconds, 1),
      download_mb_per_s: round(totalMb / downloadSeconds, 1),
      // VmHWM: the child's highest RSS over its whole life (start-up included), as the kernel counts it.
      peak_rss_mb: round(end.hwm / 1024, 1),
      idle_rss_mb: round(baseline.rss / 1024, 1),
      upload_peak_rss_mb: round(uploadPeak / 1024, 1),
      download_peak_rss_mb: round(downloadPeak / 1024, 1),
    };
  } finally {
    memory.stop();
    app.kill('SIGTERM');
    await new Promise((resolve) => app.once('exit', resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
    compiled.cleanup();
  }
});
