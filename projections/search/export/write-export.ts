/**
 * One export, the same code path for a streamed answer, a background job and the benchmark:
 * the list's plan per sheet, one snapshot, cursor batches into the streaming workbook.
 */
import type { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { countSearch } from '../engine/search-engine';
import { ExportRequest, cellsOf, exportPlan, inSnapshot, planRows, sheetPlans } from './export-rows';
import { writeWorkbook } from './export-workbook';

export const EXPORT_BATCH_ROWS = 1000;

export interface WriteExportOptions {
  /** Rows per cursor FETCH. */
  batchSize?: number;
  signal?: AbortSignal;
  /** The snapshot's row count, before the first row is written. */
  onTotal?: (rowsTotal: number) => Promise<void> | void;
  onBatch?: (rowsWritten: number) => Promise<void> | void;
}

/**
 * Writes the export of `req` to the stream `open` returns; `open` is called only once the
 * snapshot is open and counted, so a refused query or an unavailable database fails before a
 * byte is written. An error of the output aborts the export. Resolves with the rows written.
 */
export async function writeExport(db: DataSource, req: ExportRequest, open: () => Writable, options: WriteExportOptions = {}): Promise<{ rows: number; total: number }> {
  const sheets = sheetPlans(req);
  const whole = exportPlan(req);
  const aborter = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, aborter.signal]) : aborter.signal;
  return inSnapshot(db, async (q) => {
    const total = await countSearch(q, whole);
    await options.onTotal?.(total);
    signal.throwIfAborted();
    const output = open();
    const fail = (error: unknown) => aborter.abort(error);
    output.once('error', fail);
    output.once('close', () => output.writableFinished || fail(new Error('the export output closed before the file was complete')));
    try {
      // Every query on the snapshot's connection is awaited here, so none is in flight once this returns or throws.
      const rows = await writeWorkbook(
        output,
        sheets.map((s, i) => ({ title: s.title, cells: cellsOf(s.plan), rows: planRows(q, s.plan, `export_sheet_${i}`, options.batchSize ?? EXPORT_BATCH_ROWS) })),
        { labels: req.list.statuses, signal, onBatch: options.onBatch },
      );
      return { rows, total };
    } catch (error) {
      if (!output.destroyed) output.destroy(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
  });
}
