import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';

export interface StoredBlob {
  sha256: string;
  size: number;
}

/**
 * Files are stored byte-exact, addressed by their SHA-256, and never deleted or overwritten
 * (D12, R46, R53): storing the same bytes twice keeps one copy. Kept in PostgreSQL, beside
 * the events that refer to them, so a backup holds both.
 */
export class BlobStore {
  constructor(private readonly db: DataSource) {}

  async put(content: Buffer, contentType: string): Promise<StoredBlob> {
    const sha256 = createHash('sha256').update(content).digest('hex');
    await this.db.query(`INSERT INTO blobs (sha256, content, size, content_type) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING`, [
      sha256, content, content.length, contentType,
    ]);
    return { sha256, size: content.length };
  }

  async get(sha256: string): Promise<{ content: Buffer; contentType: string } | null> {
    const [row] = await this.db.query(`SELECT content, content_type FROM blobs WHERE sha256 = $1`, [sha256]);
    return row ? { content: row.content as Buffer, contentType: row.content_type as string } : null;
  }
}
