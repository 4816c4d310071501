/** What the export specifications share: downloading an .xlsx, reading its sheets back with exceljs, and the list's own rows. */
import ExcelJS from 'exceljs';
import { SearchListDefinition } from '../../projections/search/engine/search-lists';
import { visibleColumns } from '../../projections/search/engine/search-columns';
import { Role } from '../../src/platform/auth/principal';
import { TestApp } from '../support/test-app';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface SheetContent {
  name: string;
  headers: string[];
  /** Data rows (below the header), each cell's value by header. */
  rows: Record<string, unknown>[];
  sheet: ExcelJS.Worksheet;
}

/** A GET whose body is kept as bytes. */
export function getBinary(t: TestApp, path: string, who: string) {
  return t.http
    .get(path)
    .set('Authorization', who)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
}

export async function readWorkbook(bytes: Buffer): Promise<SheetContent[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets.map((sheet) => {
    const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const rows: Record<string, unknown>[] = [];
    for (let r = 2; r <= sheet.rowCount; r++) {
      const values = sheet.getRow(r).values as unknown[];
      rows.push(Object.fromEntries(headers.map((h, i) => [h, values[i + 1] ?? null])));
    }
    return { name: sheet.name, headers, rows, sheet };
  });
}

/** Downloads an export answered with the file straight away (200) and reads it. */
export async function exportNow(t: TestApp, list: string, who: string, query = ''): Promise<SheetContent[]> {
  const res = await getBinary(t, `/api/search/${list}/export${query}`, who);
  if (res.status !== 200) throw new Error(`export of ${list} answered ${res.status}: ${res.body?.toString?.()}`);
  expect(res.headers['content-type']).toBe(XLSX);
  return readWorkbook(res.body as Buffer);
}

export interface ListItem { id: string; caseType: string; [k: string]: unknown }

/** Every row of the list for the caller, in its order (one page covers them). */
export async function listItems(t: TestApp, list: string, who: string, query = ''): Promise<ListItem[]> {
  const res = await t.http.get(`/api/search/${list}?pageSize=200${query ? `&${query.replace(/^\?/, '')}` : ''}`).set('Authorization', who).expect(200);
  expect(res.body.totalCount).toBeLessThanOrEqual(200);
  return res.body.items;
}

/** The Danish headers of a list's columns a role sees, in order (R10, R22). */
export function expectedHeaders(list: SearchListDefinition, role: Role): string[] {
  return visibleColumns(list.columns, role).flatMap((c) => c.cells.map((cell) => cell.header));
}

export const idsOf = (sheet: SheetContent) => sheet.rows.map((r) => r['Sags-id']);
