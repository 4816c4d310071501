/**
 * The file types accepted for attachments and approval files (D12, R51), recognised by their
 * content, not only by their name: a file whose bytes are not of the type its name claims is
 * refused. The table is the one place to add a type.
 */
export interface FileType {
  extension: string;
  contentType: string;
  /** True when the bytes are of this type. */
  matches: (bytes: Buffer) => boolean;
}

const startsWith = (signature: number[]) => (b: Buffer) => signature.every((byte, i) => b[i] === byte);
const ZIP = startsWith([0x50, 0x4b, 0x03, 0x04]);
const OLE = startsWith([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]); // doc and msg (Compound File)
/** An OOXML/ODF package names its kind in its first entries (uncompressed names). */
const zipContaining = (marker: string) => (b: Buffer) => ZIP(b) && b.subarray(0, 64 * 1024).includes(marker, 0, 'latin1');
const isText = (b: Buffer) => !b.includes(0) && Buffer.from(b.toString('utf8'), 'utf8').equals(b);
const EML_HEADER = /^(?:[A-Za-z-]+: .*\r?\n)+/;

export const FILE_TYPES: readonly FileType[] = [
  { extension: 'pdf', contentType: 'application/pdf', matches: startsWith([0x25, 0x50, 0x44, 0x46, 0x2d]) },
  { extension: 'docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', matches: zipContaining('word/') },
  { extension: 'xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', matches: zipContaining('xl/') },
  { extension: 'odt', contentType: 'application/vnd.oasis.opendocument.text', matches: zipContaining('application/vnd.oasis.opendocument.text') },
  { extension: 'doc', contentType: 'application/msword', matches: OLE },
  { extension: 'msg', contentType: 'application/vnd.ms-outlook', matches: OLE },
  { extension: 'rtf', contentType: 'application/rtf', matches: (b) => b.subarray(0, 5).toString('latin1') === '{\\rtf' },
  { extension: 'eml', contentType: 'message/rfc822', matches: (b) => isText(b) && EML_HEADER.test(b.subarray(0, 4096).toString('utf8')) },
  { extension: 'txt', contentType: 'text/plain; charset=utf-8', matches: isText },
  { extension: 'jpg', contentType: 'image/jpeg', matches: startsWith([0xff, 0xd8, 0xff]) },
  { extension: 'jpeg', contentType: 'image/jpeg', matches: startsWith([0xff, 0xd8, 0xff]) },
  { extension: 'png', contentType: 'image/png', matches: startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
];

export type FileCheck = { ok: true; type: FileType } | { ok: false; reason: string };

export function checkFile(fileName: string, bytes: Buffer): FileCheck {
  const extension = fileName.includes('.') ? fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase() : '';
  const type = FILE_TYPES.find((t) => t.extension === extension);
  if (!type) return { ok: false, reason: `'.${extension}' files are not accepted (allowed: ${[...new Set(FILE_TYPES.map((t) => t.extension))].join(', ')})` };
  if (!type.matches(bytes)) return { ok: false, reason: `The content of '${fileName}' is not a ${extension} file` };
  return { ok: true, type };
}
