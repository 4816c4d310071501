import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';

/** The size of a stored file's chunks (rows of `blob_chunks`): measured against 256 KiB rows and large objects (README). */
export const BLOB_CHUNK_BYTES = 1024 * 1024;

export interface StoredBlob {
  sha256: string;
  size: number;
}

/** An upload in the staging area: complete and hashed, not yet part of the store. */
export interface StagedBlob extends StoredBlob {
  storageId: string;
  contentType: string;
}

/**
 * How much one read fetches. Small enough that the driver's text form of it (hex, twice the
 * bytes) stays out of V8's large-object space and dies young: read 1 MiB at a time, eight parallel
 * downloads grew the process by some 140 MiB of garbage waiting for a full collection (bench).
 */
export const BLOB_READ_BYTES = 60 * 1024;

/** A stored file's bytes, read in slices. */
export interface BlobContent {
  size: number;
  /** The bytes from `start` to `end` (both inclusive), one slice (≤ BLOB_READ_BYTES) at a time. */
  read(start: number, end: number): AsyncGenerator<Buffer>;
}

/** A staged upload left behind (its command failed without a clear refusal, or the process went away). */
export interface StaleStaging {
  storageId: string;
  /** Null while (or when) the upload never finished. */
  sha256: string | null;
  size: number | null;
  contentType: string | null;
  /** The case stream whose command was to name it, once that command ran. */
  streamId: string | null;
}

/**
 * Files are stored byte-exact, addressed by their SHA-256, and never deleted or overwritten
 * (D12, R46, R53): storing the same bytes twice keeps one copy. Kept in PostgreSQL, beside
 * the events that refer to them, so a backup holds both.
 *
 * A file streams in and out in chunks of BLOB_CHUNK_BYTES (issue 11), so memory does not grow
 * with its size. An upload is first staged (`blob_staging`, its chunks under a fresh storage id);
 * only once an event names it is it promoted into `blobs` (the chunks stay where they are), so a
 * refused upload leaves nothing D12 would keep forever. Files stored before chunking keep their
 * bytes in `blobs.content` and are read from there the same way.
 */
export class BlobStore {
  constructor(
    private readonly db: DataSource,
    readonly chunkBytes = BLOB_CHUNK_BYTES,
  ) {}

  /** A new staged upload: write its bytes in order, then `finish` (or `discard`) it. */
  stage(): StagingWriter {
    return new StagingWriter(this.db, this.chunkBytes);
  }

  /** Records which case stream's command is about to name the staged upload (the sweep reads it there). */
  async claim(storageId: string, streamId: string): Promise<void> {
    await this.db.query(`UPDATE blob_staging SET stream_id = $2, touched_at = now() WHERE storage_id = $1`, [storageId, streamId]);
  }

  /**
   * An event names the staged upload: it joins the store (or, when the same bytes are stored
   * already, its chunks go). True when the file is in the store afterwards.
   */
  async promote(staged: Pick<StagedBlob, 'storageId' | 'sha256'>): Promise<boolean> {
    return this.db.transaction(async (m) => {
      const [row]: { sha256: string; size: string; content_type: string; chunk_size: number }[] = (
        await m.query(`DELETE FROM blob_staging WHERE storage_id = $1 AND sha256 IS NOT NULL RETURNING sha256, size, content_type, chunk_size`, [staged.storageId])
      )[0];
      if (row) {
        const inserted: unknown[] = await m.query(
          `INSERT INTO blobs (sha256, size, content_type, storage_id, chunk_size) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (sha256) DO NOTHING RETURNING sha256`,
          [row.sha256, row.size, row.content_type, staged.storageId, row.chunk_size],
        );
        if (inserted.length === 1) return true;
        await m.query(`DELETE FROM blob_chunks WHERE storage_id = $1`, [staged.storageId]);
      }
      return (await m.query(`SELECT 1 FROM blobs WHERE sha256 = $1`, [staged.sha256])).length === 1;
    });
  }

  /**
   * A case names this file but the store lacks it: its event was appended and the process went
   * away before promoting it. Promotes a finished staged upload of these bytes, if there is one.
   */
  async adoptStaged(sha256: string): Promise<boolean> {
    const staged: { storage_id: string }[] = await this.db.query(`SELECT storage_id FROM blob_staging WHERE sha256 = $1 ORDER BY touched_at`, [sha256]);
    for (const { storage_id: storageId } of staged) if (await this.promote({ storageId, sha256 })) return true;
    return false;
  }

  /** Deletes a staged upload and its chunks (never a stored file's: the trigger of D12 refuses). */
  async discard(storageId: string): Promise<boolean> {
    return this.db.transaction((m) => deleteStaged(m, storageId, `storage_id = $1`, [storageId]));
  }

  /** Deletes a staged upload only if it is still untouched for `ttlMs` (its writer may have moved on meanwhile). */
  async discardIfStale(storageId: string, ttlMs: number): Promise<boolean> {
    return this.db.transaction((m) => deleteStaged(m, storageId, `storage_id = $1 AND touched_at < now() - make_interval(secs => $2::double precision / 1000)`, [storageId, ttlMs]));
  }

  /** Staged uploads untouched for `ttlMs`, oldest first. */
  async stale(ttlMs: number, limit = 500): Promise<StaleStaging[]> {
    const rows: { storage_id: string; sha256: string | null; size: string | null; content_type: string | null; stream_id: string | null }[] = await this.db.query(
      `SELECT storage_id, sha256, size, content_type, stream_id FROM blob_staging
       WHERE touched_at < now() - make_interval(secs => $1::double precision / 1000) ORDER BY touched_at LIMIT $2`,
      [ttlMs, limit],
    );
    return rows.map((r) => ({ storageId: r.storage_id, sha256: r.sha256, size: r.size === null ? null : Number(r.size), contentType: r.content_type, streamId: r.stream_id }));
  }

  /** A stored file's bytes, or null when the store does not hold it. */
  async open(sha256: string): Promise<BlobContent | null> {
    const [row]: { size: string; storage_id: string | null; chunk_size: number | null }[] = await this.db.query(`SELECT size, storage_id, chunk_size FROM blobs WHERE sha256 = $1`, [sha256]);
    if (!row) return null;
    const size = Number(row.size);
    const storageId = row.storage_id;
    const chunkSize = row.chunk_size ?? this.chunkBytes;
    const piece: (i: number, from: number, length: number) => Promise<Buffer> = storageId
      ? (i, from, length) => this.one(`SELECT substring(bytes FROM $3 FOR $4) AS b FROM blob_chunks WHERE storage_id = $1 AND n = $2`, [storageId, i, from + 1, length])
      : // Stored before chunking: the same slices out of `content` (uncompressed, as most files are, it reads only the slice).
        (i, from, length) => this.one(`SELECT substring(content FROM $2 FOR $3) AS b FROM blobs WHERE sha256 = $1`, [sha256, i * chunkSize + from + 1, length]);
    return { size, read: (start, end) => readPieces(start, end, chunkSize, piece) };
  }

  private async one(sql: string, params: unknown[]): Promise<Buffer> {
    const [row]: { b: Buffer }[] = await this.db.query(sql, params);
    if (!row) throw new Error('a stored file lacks a chunk');
    return row.b;
  }
}

/**
 * Slice by slice from `start` to `end` (inclusive), never across a chunk, the next slice read
 * while the caller handles this one.
 */
async function* readPieces(start: number, end: number, chunkSize: number, piece: (i: number, from: number, length: number) => Promise<Buffer>): AsyncGenerator<Buffer> {
  const slices = function* () {
    for (let at = start; at <= end; ) {
      const i = Math.floor(at / chunkSize);
      const length = Math.min(BLOB_READ_BYTES, end - at + 1, (i + 1) * chunkSize - at);
      yield { i, from: at - i * chunkSize, length };
      at += length;
    }
  };
  const fetch = ({ i, from, length }: { i: number; from: number; length: number }) => {
    const p = piece(i, from, length);
    p.catch(() => undefined); // read ahead: a caller that stops early must not leave an unhandled rejection
    return p;
  };
  const queue = slices();
  let next = queue.next();
  let pending = next.done ? undefined : fetch(next.value);
  while (pending) {
    const current = pending;
    next = queue.next();
    pending = next.done ? undefined : fetch(next.value);
    yield await current;
  }
}

/**
 * Deletes the staging row first (waiting for a writer that holds it), then, in a statement that
 * sees every chunk that writer committed, the chunks: no chunk outlives its staging row.
 */
async function deleteStaged(m: EntityManager, storageId: string, where: string, params: unknown[]): Promise<boolean> {
  const [gone]: [unknown[], number] = await m.query(`DELETE FROM blob_staging WHERE ${where} RETURNING storage_id`, params);
  if (gone.length === 0) return false;
  await m.query(`DELETE FROM blob_chunks WHERE storage_id = $1`, [storageId]);
  return true;
}

/**
 * Writes one upload into the staging area as its bytes arrive: hashes them, and stores each full
 * chunk as its own row (no transaction held open while the client sends). Nothing is written
 * before the first chunk is full, so a file refused by its first bytes never reaches the database.
 */
export class StagingWriter {
  readonly storageId = randomUUID();
  private readonly hash = createHash('sha256');
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private size = 0;
  private chunks = 0;
  private started = false;

  constructor(
    private readonly db: DataSource,
    private readonly chunkBytes: number,
  ) {}

  async write(bytes: Buffer): Promise<void> {
    this.hash.update(bytes);
    this.size += bytes.length;
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    while (this.pendingBytes >= this.chunkBytes) await this.flush();
  }

  async finish(contentType: string): Promise<StagedBlob> {
    if (this.pendingBytes > 0) await this.flush();
    await this.start();
    const sha256 = this.hash.digest('hex');
    const [, count]: [unknown, number] = await this.db.query(
      `UPDATE blob_staging SET sha256 = $2, size = $3, content_type = $4, touched_at = now() WHERE storage_id = $1 AND sha256 IS NULL`,
      [this.storageId, sha256, this.size, contentType],
    );
    if (count !== 1) throw new Error('the staged upload was swept before it finished');
    return { storageId: this.storageId, sha256, size: this.size, contentType };
  }

  /** Drops what was written so far. */
  async discard(): Promise<void> {
    this.pending = [];
    if (this.started) await this.db.transaction((m) => deleteStaged(m, this.storageId, `storage_id = $1`, [this.storageId]));
  }

  private async start(): Promise<void> {
    if (this.started) return;
    await this.db.query(`INSERT INTO blob_staging (storage_id, chunk_size) VALUES ($1, $2)`, [this.storageId, this.chunkBytes]);
    this.started = true;
  }

  private async flush(): Promise<void> {
    const all = Buffer.concat(this.pending, this.pendingBytes);
    const chunk = all.subarray(0, Math.min(this.chunkBytes, all.length));
    const rest = all.subarray(chunk.length);
    this.pending = rest.length > 0 ? [Buffer.from(rest)] : [];
    this.pendingBytes = rest.length;
    await this.start();
    // Only into an upload still staged and unfinished; touching it keeps the sweep away while it arrives.
    const written: unknown[] = await this.db.query(
      `WITH live AS (UPDATE blob_staging SET touched_at = now() WHERE storage_id = $1 AND sha256 IS NULL RETURNING storage_id)
       INSERT INTO blob_chunks (storage_id, n, bytes) SELECT storage_id, $2, $3 FROM live RETURNING n`,
      [this.storageId, this.chunks, chunk],
    );
    if (written.length !== 1) throw new Error('the staged upload was swept before it finished');
    this.chunks += 1;
  }
}
