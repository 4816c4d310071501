/**
 * The .xlsx of an export (issue 6), written with exceljs's streaming WorkbookWriter: rows are
 * committed as they arrive and leave the process compressed, so memory stays flat however many
 * rows there are. One sheet after another (a sheet's rows are buffered until the zip reaches it).
 */
import { stream as excelStream } from 'exceljs';
import type { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { CellKind, SearchCell, StatusLabels } from '../engine/search-columns';
import { SearchHit } from '../engine/search-hit';
import { NUM_FMT, cellValue } from './export-cells';

export interface ExportSheet {
  /** The sheet's name: the list's title, or 'Bevillinger' and 'Tillægsbevillinger' (R21). */
  title: string;
  cells: readonly SearchCell[];
  /** The sheet's rows in the list's order, in batches. */
  rows: AsyncIterable<SearchHit[]>;
}

export interface WorkbookOptions {
  labels: StatusLabels;
  /** Checked between batches: an aborted export stops at once with the signal's reason. */
  signal?: AbortSignal;
  /** After each batch, with the rows written so far (all sheets). */
  onBatch?: (rowsWritten: number) => Promise<void> | void;
}

/** Style objects shared by every cell of a kind: exceljs caches a style by object identity. */
const CELL_STYLES: Record<CellKind, { numFmt?: string }> = {
  text: { numFmt: NUM_FMT.text },
  date: { numFmt: NUM_FMT.date },
  instant: { numFmt: NUM_FMT.instant },
  number: {},
};
const HEADER_STYLE = { font: { bold: true } };

/** Unread bytes between a sheet and the zip beyond which the writer waits for the zip to catch up. */
const MAX_BACKLOG_BYTES = 1 << 20;

type WorksheetWriter = ReturnType<excelStream.xlsx.WorkbookWriter['addWorksheet']>;

/**
 * exceljs 4.4.0 (pinned) buffers a sheet in a StreamBuf piped to the zip without backpressure: a
 * writer faster than the compression would fill memory. This is how far the zip is behind.
 */
export function sheetBacklogBytes(sheet: WorksheetWriter): number {
  const buf = (sheet as unknown as { stream?: { buffers?: { length: number }[]; pipes?: { _writableState?: { length: number }; _readableState?: { length: number } }[] } }).stream;
  const buffered = (buf?.buffers ?? []).reduce((n, b) => n + b.length, 0);
  const pipe = buf?.pipes?.[0];
  return buffered + (pipe?._writableState?.length ?? 0) + (pipe?._readableState?.length ?? 0);
}

async function caughtUp(sheet: WorksheetWriter, signal?: AbortSignal): Promise<void> {
  let wait = 1;
  while (sheetBacklogBytes(sheet) > MAX_BACKLOG_BYTES) {
    signal?.throwIfAborted();
    await sleep(wait);
    wait = Math.min(wait * 2, 50);
  }
}

/** Rejects with the signal's reason once it aborts: the commit waits for the output to finish, which an output that failed never does. */
function aborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

function addSheet(workbook: excelStream.xlsx.WorkbookWriter, sheet: ExportSheet): WorksheetWriter {
  const ws = workbook.addWorksheet(sheet.title, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] });
  ws.columns = sheet.cells.map((c) => ({ width: c.width, style: CELL_STYLES[c.kind] }));
  const header = ws.addRow(sheet.cells.map((c) => c.header));
  for (let i = 1; i <= sheet.cells.length; i++) header.getCell(i).style = HEADER_STYLE;
  header.commit();
  return ws;
}

/** Writes the workbook to `output` and ends it; resolves with the rows written once `output` has finished. */
export async function writeWorkbook(output: Writable, sheets: readonly ExportSheet[], options: WorkbookOptions): Promise<number> {
  const workbook = new excelStream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } } });
  workbook.creator = 'VITAS';
  let written = 0;
  for (const sheet of sheets) {
    const ws = addSheet(workbook, sheet);
    const styles = sheet.cells.map((c) => CELL_STYLES[c.kind]);
    let lastRow = 1;
    for await (const batch of sheet.rows) {
      options.signal?.throwIfAborted();
      for (const hit of batch) {
        const row = ws.addRow(sheet.cells.map((c) => cellValue(c, hit, options.labels)));
        for (let i = 0; i < styles.length; i++) row.getCell(i + 1).style = styles[i];
        row.commit();
      }
      lastRow += batch.length;
      written += batch.length;
      await options.onBatch?.(written);
      await caughtUp(ws, options.signal);
    }
    // The filter covers the header and every row (written when the sheet is committed).
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: lastRow, column: Math.max(1, sheet.cells.length) } };
    ws.commit();
  }
  options.signal?.throwIfAborted();
  await (options.signal ? Promise.race([workbook.commit(), aborted(options.signal)]) : workbook.commit());
  return written;
}
