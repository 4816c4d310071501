/** What the file tests share: a PDF of a given size, its SHA-256, and a supertest parser for binary bodies. */
import { createHash, randomBytes } from 'node:crypto';

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A file the type check takes for a PDF (by its first bytes), `size` bytes long, random after the header. */
export const pdf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size - 9)]);

/** Supertest's `.parse(binary)`: the body as one Buffer. */
export const binary = (res: any, cb: (e: Error | null, b: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
