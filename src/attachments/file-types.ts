/**
 * The file types accepted for attachments and approval files (D12, R51), recognised by their
 * content, not only by their name: a file whose bytes are not of the type its name claims is
 * refused. The table is the one place to add a type.
 */
export interface FileType {
  extension: string;
  contentType: string;
  /** True when the file's first bytes (its first SNIFF_BYTES; all of a smaller file) are of this type. */
  matches: (head: Buffer) => boolean;
  /** For a type its every byte decides (text): a check fed the whole file, chunk by chunk. */
  wholeFile?: () => WholeFileCheck;
}

/** A check over all of a file's bytes, fed in order without holding them. */
export interface WholeFileCheck {
  /** False as soon as the bytes so far cannot be of the type. */
  update(chunk: Buffer): boolean;
  /** True when the whole file is of the type. */
  end(): boolean;
}

/** How much of a file the type is recognised by (an OOXML/ODF package names its kind in its first entries). */
export const SNIFF_BYTES = 64 * 1024;

const startsWith = (signature: number[]) => (b: Buffer) => signature.every((byte, i) => b[i] === byte);
const ZIP = startsWith([0x50, 0x4b, 0x03, 0x04]);
const OLE = startsWith([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]); // doc and msg (Compound File)
/** An OOXML/ODF package names its kind in its first entries (uncompressed names). */
const zipContaining = (marker: string) => (b: Buffer) => ZIP(b) && b.subarray(0, SNIFF_BYTES).includes(marker, 0, 'latin1');
/** UTF-8 without NUL bytes, checked as the chunks arrive (a character may span two chunks). */
function textCheck(): WholeFileCheck {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let ok = true;
  const feed = (chunk?: Buffer) => {
    if (!ok) return false;
    try {
      if (chunk) {
        if (chunk.includes(0)) return (ok = false);
        decoder.decode(chunk, { stream: true });
      } else decoder.decode();
    } catch {
      ok = false;
    }
    return ok;
  };
  return { update: (chunk) => feed(chunk), end: () => feed() };
}
const EML_HEADER = /^(?:[A-Za-z-]+: .*\r?\n)+/;

export const FILE_TYPES: readonly FileType[] = [
  { extension: 'pdf', contentType: 'application/pdf', matches: startsWith([0x25, 0x50, 0x44, 0x46, 0x2d]) },
  { extension: 'docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', matches: zipContaining('word/') },
  { extension: 'xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', matches: zipContaining('xl/') },
  { extension: 'odt', contentType: 'application/vnd.oasis.opendocument.text', matches: zipContaining('application/vnd.oasis.opendocument.text') },
  { extension: 'doc', contentType: 'application/msword', matches: OLE },
  { extension: 'msg', contentType: 'application/vnd.ms-outlook', matches: OLE },
  { extension: 'rtf', contentType: 'application/rtf', matches: (b) => b.subarray(0, 5).toString('latin1') === '{\\rtf' },
  { extension: 'eml', contentType: 'message/rfc822', matches: (b) => EML_HEADER.test(b.subarray(0, 4096).toString('utf8')), wholeFile: textCheck },
  { extension: 'txt', contentType: 'text/plain; charset=utf-8', matches: () => true, wholeFile: textCheck },
  { extension: 'jpg', contentType: 'image/jpeg', matches: startsWith([0xff, 0xd8, 0xff]) },
  { extension: 'jpeg', contentType: 'image/jpeg', matches: startsWith([0xff, 0xd8, 0xff]) },
  { extension: 'png', contentType: 'image/png', matches: startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
];

export type FileCheck = { ok: true; type: FileType } | { ok: false; reason: string };

/** The type a file's name claims, or why no type is. */
export function typeByName(fileName: string): FileCheck {
  const extension = fileName.includes('.') ? fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase() : '';
  const type = FILE_TYPES.find((t) => t.extension === extension);
  if (!type) return { ok: false, reason: `'.${extension}' files are not accepted (allowed: ${[...new Set(FILE_TYPES.map((t) => t.extension))].join(', ')})` };
  return { ok: true, type };
}

const notOfType = (fileName: string, type: FileType) => `The content of '${fileName}' is not a ${type.extension} file`;

/**
 * A file checked as it streams in: its name names the type, its first SNIFF_BYTES must match
 * it (decided as soon as they are in, before anything is stored), and a type decided by every
 * byte (text) is checked chunk by chunk. `update` and `end` return the reason for a refusal.
 */
export class StreamingFileCheck {
  private head: Buffer[] = [];
  private headBytes = 0;
  private sniffed = false;
  private readonly whole?: WholeFileCheck;

  constructor(
    private readonly fileName: string,
    readonly type: FileType,
  ) {
    this.whole = type.wholeFile?.();
  }

  update(chunk: Buffer): string | null {
    if (this.whole && !this.whole.update(chunk)) return notOfType(this.fileName, this.type);
    if (!this.sniffed) {
      this.head.push(chunk);
      this.headBytes += chunk.length;
      if (this.headBytes >= SNIFF_BYTES) return this.sniff();
    }
    return null;
  }

  end(): string | null {
    const reason = this.sniffed ? null : this.sniff();
    if (reason) return reason;
    return this.whole && !this.whole.end() ? notOfType(this.fileName, this.type) : null;
  }

  private sniff(): string | null {
    this.sniffed = true;
    const head = Buffer.concat(this.head).subarray(0, SNIFF_BYTES);
    this.head = [];
    return this.type.matches(head) ? null : notOfType(this.fileName, this.type);
  }
}

/** A whole file in memory, checked the same way. */
export function checkFile(fileName: string, bytes: Buffer): FileCheck {
  const named = typeByName(fileName);
  if (!named.ok) return named;
  const check = new StreamingFileCheck(fileName, named.type);
  const reason = check.update(bytes) ?? check.end();
  return reason ? { ok: false, reason } : named;
}
