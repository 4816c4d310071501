import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { SEARCH_COLUMNS, SearchCell } from '../engine/search-columns';
import { SearchHit } from '../engine/search-hit';
import { sheetBacklogBytes, writeWorkbook } from './export-workbook';

const cells: SearchCell[] = [...SEARCH_COLUMNS.id.cells, ...SEARCH_COLUMNS.cpr.cells, ...SEARCH_COLUMNS.periodStart.cells];
const hit = (i: number) => ({ case_id: `c-${i}`, citizen_cpr: `0${i}`.padStart(10, '0'), aa_assigned: null, period_start: '2030-01-01' }) as unknown as SearchHit;

async function* batches(n: number, size: number): AsyncGenerator<SearchHit[]> {
  for (let i = 0; i < n; i += size) yield Array.from({ length: Math.min(size, n - i) }, (_, k) => hit(i + k));
}

async function write(sheets: { title: string; rows: number }[], signal?: AbortSignal): Promise<{ rows: number; bytes: Buffer }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const rows = await writeWorkbook(out, sheets.map((s) => ({ title: s.title, cells, rows: batches(s.rows, 100) })), { labels: {}, signal });
  return { rows, bytes: Buffer.concat(chunks) };
}

describe('export workbook', () => {
  it('writes each sheet with its header and rows, empty sheets included', async () => {
    const { rows, bytes } = await write([{ title: 'Bevillinger', rows: 250 }, { title: 'Tillægsbevillinger', rows: 0 }]);
    expect(rows).toBe(250);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => [w.name, w.rowCount])).toEqual([['Bevillinger', 251], ['Tillægsbevillinger', 1]]);
    expect(book.worksheets[1].getRow(1).values).toEqual([undefined, 'Sags-id', 'CPR', 'Startdato']);
    expect(book.worksheets[0].getRow(2).getCell(2).value).toBe('0000000000');
  });

  it('stops at the next batch once aborted, with the reason', async () => {
    const abort = new AbortController();
    abort.abort(new Error('stop'));
    await expect(write([{ title: 'Ophør', rows: 10 }], abort.signal)).rejects.toThrow('stop');
  });

  it("reads exceljs's (4.4.0, pinned) sheet buffers for backpressure: an upgrade that moves them fails here", () => {
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: new PassThrough() });
    const sheet = book.addWorksheet('x');
    const stream = (sheet as unknown as { stream: { buffers: unknown[]; pipes: unknown[] } }).stream;
    expect(Array.isArray(stream.buffers)).toBe(true);
    expect(Array.isArray(stream.pipes)).toBe(true);
    expect(sheetBacklogBytes(sheet)).toBeGreaterThanOrEqual(0);
  });
});
