/**
 * What a search column's spreadsheet cell holds (issue 6): real Excel dates, not text; instants
 * as the Danish wall-clock time (a spreadsheet has no time zones); CPR numbers and ids as text,
 * so leading zeros stay; numbers as numbers. And the file name a download is saved under.
 */
import { CellKind, SearchCell, StatusLabels } from '../engine/search-columns';
import { SearchHit } from '../engine/search-hit';

export type CellValue = string | number | Date | null;

/** The number formats of the date and instant cells (Danish order, as the screen shows them). */
export const NUM_FMT: Record<CellKind, string | undefined> = {
  text: '@',
  date: 'dd-mm-yyyy',
  instant: 'dd-mm-yyyy hh:mm',
  number: undefined,
};

/**
 * A calendar date (YYYY-MM-DD) as the Date whose UTC day it is: exceljs turns a Date into the
 * Excel serial number from its UTC time, so the cell shows exactly that day.
 */
export function excelDate(date: string): Date {
  return new Date(`${date.slice(0, 10)}T00:00:00Z`);
}

const copenhagen = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Copenhagen', hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
});
const HOUR = 3_600_000;
/** Copenhagen's UTC offset by UTC hour: offsets change only on the hour, so one lookup serves a whole hour of instants. */
const offsets = new Map<number, number>();

function copenhagenOffset(hourStart: number): number {
  let offset = offsets.get(hourStart);
  if (offset === undefined) {
    const part = Object.fromEntries(copenhagen.formatToParts(new Date(hourStart)).map((p) => [p.type, Number(p.value)]));
    offset = Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute) - hourStart;
    if (offsets.size > 50_000) offsets.clear();
    offsets.set(hourStart, offset);
  }
  return offset;
}

/** An instant as the Date whose UTC time is its wall-clock time in Copenhagen (summer and winter time alike). */
export function excelDanishTime(instant: string | Date): Date {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return new Date(ms + copenhagenOffset(Math.floor(ms / HOUR) * HOUR));
}

/** A cell's value as exceljs writes it: null stays an empty cell. */
export function cellValue(cell: SearchCell, hit: SearchHit, labels: StatusLabels): CellValue {
  const value = cell.value(hit, labels);
  if (value === null || value === undefined) return null;
  switch (cell.kind) {
    case 'date':
      return excelDate(String(value));
    case 'instant':
      return excelDanishTime(String(value));
    case 'number':
      return typeof value === 'number' ? value : Number(value);
    case 'text':
      return String(value);
  }
}

const ASCII_FOLDS: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', Æ: 'Ae', Ø: 'Oe', Å: 'Aa' };

/**
 * The download's file name from the list's title and the day: 'Bevillinger 2026-03-01.xlsx', as a
 * Content-Disposition with an ASCII fallback ('Ophoer 2026-03-01.xlsx') and the UTF-8 name.
 */
export function exportFileName(title: string, today: string): { name: string; contentDisposition: string } {
  const name = `${title} ${today}.xlsx`;
  const ascii = name.replace(/[æøåÆØÅ]/g, (c) => ASCII_FOLDS[c]).replace(/[^\x20-\x7e]|["\\]/g, '_');
  return { name, contentDisposition: `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}` };
}
