/**
 * Export files in PostgreSQL (issue 6), beside their jobs: chunks of about 1 MiB under a file key
 * (the id of the attempt that wrote them), so a file of any size is written and read back a
 * chunk at a time. Whether the chunks are a file is the job's business: only a 'done' job names
 * its key (export-jobs.ts). Unlike uploaded files (D12), these expire and are deleted.
 */
import { Writable } from 'node:stream';
import { DataSource } from 'typeorm';

export const EXPORT_CHUNK_BYTES = 1 << 20;

/** A Writable that stores what is written as the chunks of `fileKey`, one INSERT per chunk. */
export class ExportFileWriter extends Writable {
  bytes = 0;
  chunks = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(
    private readonly db: DataSource,
    readonly fileKey: string,
  ) {
    super({ highWaterMark: EXPORT_CHUNK_BYTES });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes < EXPORT_CHUNK_BYTES) return done();
    this.flushChunk().then(() => done(), done);
  }

  override _final(done: (error?: Error | null) => void): void {
    (this.pendingBytes ? this.flushChunk() : Promise.resolve()).then(() => done(), done);
  }

  private async flushChunk(): Promise<void> {
    const content = Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    await this.db.query(`INSERT INTO export_file_chunks (file_key, seq, content) VALUES ($1, $2, $3)`, [this.fileKey, this.chunks, content]);
    this.chunks += 1;
    this.bytes += content.length;
  }
}

/** The file's chunks in order, one query each, so one chunk at a time is in memory. */
export async function* readExportFile(db: DataSource, fileKey: string, chunks: number): AsyncGenerator<Buffer> {
  for (let seq = 0; seq < chunks; seq++) {
    const [row] = await db.query(`SELECT content FROM export_file_chunks WHERE file_key = $1 AND seq = $2`, [fileKey, seq]);
    if (!row) throw new Error(`export file ${fileKey} lacks chunk ${seq}`);
    yield row.content as Buffer;
  }
}

export async function deleteExportFile(db: DataSource, fileKey: string): Promise<void> {
  await db.query(`DELETE FROM export_file_chunks WHERE file_key = $1`, [fileKey]);
}
