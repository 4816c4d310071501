import * as fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const pg = globalThis.__EMBEDDED_PG__;
  if (!pg) return;
  await pg.handle.stop(); // not persistent: this removes <dir>/pg
  fs.rmSync(pg.dir, { recursive: true, force: true });
}
