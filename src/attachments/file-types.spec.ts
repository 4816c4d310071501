import { checkFile, SNIFF_BYTES, StreamingFileCheck, typeByName } from './file-types';

/** Feeds `bytes` in pieces of `size`, as an upload arrives; the first refusal, or null. */
function streamed(fileName: string, bytes: Buffer, size: number): string | null {
  const named = typeByName(fileName);
  if (!named.ok) return named.reason;
  const check = new StreamingFileCheck(fileName, named.type);
  for (let i = 0; i < bytes.length; i += size) {
    const refused = check.update(bytes.subarray(i, i + size));
    if (refused) return refused;
  }
  return check.end();
}

describe('file types checked as the bytes stream in (D12, R51)', () => {
  it('accepts UTF-8 text whose characters are split between pieces, and refuses a NUL or a broken sequence anywhere', () => {
    const text = Buffer.from('Æbleskiver på Ærø – 🍎\n'.repeat(10_000), 'utf8');
    const short = Buffer.from('Æbleskiver på Ærø – 🍎\n'.repeat(200), 'utf8');
    for (const size of [1, 2, 3, 7, 4096]) expect(streamed('noter.txt', short, size)).toBeNull();
    expect(streamed('noter.txt', text, 65_536)).toBeNull();
    expect(streamed('noter.txt', Buffer.concat([text, Buffer.from([0])]), 65_536)).toMatch(/not a txt file/);
    expect(streamed('noter.txt', Buffer.concat([text, Buffer.from([0xc3])]), 65_536)).toMatch(/not a txt file/); // cut mid-character
    expect(streamed('noter.txt', Buffer.concat([text.subarray(0, 100_000), Buffer.from([0xff]), text]), 65_536)).toMatch(/not a txt file/);
  });

  it('decides a type by its first bytes, whole or in pieces, the same as the whole-file check', () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(3 * SNIFF_BYTES, 1)]);
    const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(1000), Buffer.from('word/document.xml'), Buffer.alloc(2 * SNIFF_BYTES)]);
    const lateMarker = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(SNIFF_BYTES), Buffer.from('word/document.xml')]);
    const eml = Buffer.from('From: a@b.dk\r\nSubject: Aftale\r\n\r\nHej\r\n');
    for (const size of [3, 1000, SNIFF_BYTES, 10 * SNIFF_BYTES]) {
      expect(streamed('a.pdf', pdf, size)).toBeNull();
      expect(streamed('a.docx', docx, size)).toBeNull();
      expect(streamed('a.docx', lateMarker, size)).toMatch(/not a docx file/);
      expect(streamed('a.eml', eml, size)).toBeNull();
      expect(streamed('a.png', pdf, size)).toMatch(/not a png file/);
    }
    expect(streamed('a.exe', pdf, 10)).toMatch(/'.exe' files are not accepted/);
    expect(checkFile('a.pdf', pdf)).toMatchObject({ ok: true, type: { contentType: 'application/pdf' } });
    expect(checkFile('a.txt', Buffer.from([0x41, 0]))).toEqual({ ok: false, reason: "The content of 'a.txt' is not a txt file" });
  });
});
