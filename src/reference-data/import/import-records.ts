import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ProblemError, ProblemFieldError } from '../../platform/http/problems';
import { CsvSyntaxError, parseCsv } from '../csv';
import { ImportColumn, ImportKind, cellValue, normaliseHeader } from './import-kinds';

/** Records per request: JSON is for small updates; CSV is the bulk format, capped to bound memory and time (100,000 P-units took about 4 s). */
export const MAX_JSON_ITEMS = 10_000;
export const MAX_CSV_ROWS = 100_000;
/** A bad file can have an error in every row; the answer lists the first ones and the count. */
const MAX_REPORTED_ERRORS = 100;

/** Records taken from a request, not yet validated, and where each value came from. */
export interface ImportRecords {
  items: Record<string, unknown>[];
  /** `[3].cvr` for JSON, `row 5, column cvr` for CSV: what an error names as its field. */
  fieldOf(index: number, property: string): string;
  /** Rows that could not become records (CSV rows of the wrong width). */
  errors: ProblemFieldError[];
}

export function invalidImport(errors: ProblemFieldError[]): ProblemError {
  const [first] = errors;
  const detail = `${errors.length} invalid value${errors.length === 1 ? '' : 's'}; nothing was imported. ${first.message}`;
  return new ProblemError('validation', detail, first.rule, first.field, { errorCount: errors.length }, errors.slice(0, MAX_REPORTED_ERRORS));
}

const error = (field: string, rule: string, message: string): ProblemFieldError => ({ field, rule, message: `${field}: ${message}` });

/** Content negotiation: one PUT takes a JSON array or a CSV document. */
export function recordsFromRequest(kind: ImportKind, contentType: string | undefined, body: unknown): ImportRecords {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  // An empty body never reaches the text parser; it is an empty document, refused for its missing header.
  if (type === 'text/csv') return recordsFromCsv(kind, typeof body === 'string' ? body : '');
  if (type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'))) return recordsFromJson(kind, body);
  throw new ProblemError('unsupported-media-type', `Send the ${kind.path} as application/json (an array) or as text/csv`, 'media-type', 'Content-Type');
}

export function recordsFromJson(kind: ImportKind, body: unknown): ImportRecords {
  if (!Array.isArray(body)) throw invalidImport([error('body', 'isArray', `must be a JSON array of ${kind.noun} records`)]);
  if (body.length > MAX_JSON_ITEMS) throw invalidImport([error('body', 'arrayMaxSize', `has ${body.length} records; at most ${MAX_JSON_ITEMS} per request (use text/csv for bulk)`)]);
  const notObjects = body.flatMap((item, i) => (item !== null && typeof item === 'object' && !Array.isArray(item) ? [] : [error(`[${i}]`, 'isObject', `must be a ${kind.noun} object`)]));
  if (notObjects.length) throw invalidImport(notObjects);
  return { items: body as Record<string, unknown>[], fieldOf: (i, property) => `[${i}].${property}`, errors: [] };
}

export function recordsFromCsv(kind: ImportKind, text: string): ImportRecords {
  let doc: ReturnType<typeof parseCsv>;
  try {
    doc = parseCsv(text);
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    throw invalidImport([error(`row ${e.row}, column ${e.column}`, 'csv-syntax', e.reason)]);
  }
  const columns = headerColumns(kind, doc.header);
  if (doc.records.length > MAX_CSV_ROWS) throw invalidImport([error('body', 'max-rows', `has ${doc.records.length} rows; at most ${MAX_CSV_ROWS} per request`)]);

  const rowErrors: ProblemFieldError[] = [];
  const rows: number[] = [];
  const items: Record<string, unknown>[] = [];
  for (const record of doc.records) {
    if (record.fields.length !== columns.length) {
      rowErrors.push(error(`row ${record.row}`, 'column-count', `has ${record.fields.length} fields; the header has ${columns.length}`));
      continue;
    }
    const item: Record<string, unknown> = {};
    columns.forEach((column, i) => {
      const value = cellValue(column, record.fields[i]);
      if (value !== undefined) item[column.property] = value;
    });
    items.push(item);
    rows.push(record.row);
  }
  const headerOf = new Map(columns.map((c, i) => [c.property, doc.header[i].trim()]));
  const fieldOf = (i: number, property: string) => `row ${rows[i]}, column ${headerOf.get(property) ?? property}`;
  return { items, fieldOf, errors: rowErrors };
}

/** The header row names the columns: each must be known, once; the required ones must be there. */
function headerColumns(kind: ImportKind, header: string[]): ImportColumn[] {
  const expected = kind.columns.map((c) => c.column).join(', ');
  if (header.length === 0 || header.every((h) => h.trim() === '')) throw invalidImport([error('row 1', 'csv-header', `must name the columns: ${expected}`)]);
  const errors: ProblemFieldError[] = [];
  const found: ImportColumn[] = [];
  header.forEach((name) => {
    const column = kind.columns.find((c) => normaliseHeader(c.column) === normaliseHeader(name));
    const field = `row 1, column ${name.trim()}`;
    if (!column) errors.push(error(field, 'unknown-column', `is not a ${kind.noun} column (expected: ${expected})`));
    else if (found.includes(column)) errors.push(error(field, 'duplicate-column', 'appears twice'));
    else found.push(column);
  });
  kind.columns.filter((c) => c.required && !found.includes(c)).forEach((c) => errors.push(error(`row 1, column ${c.column}`, 'missing-column', 'is required')));
  if (errors.length) throw invalidImport(errors);
  return header.map((name) => kind.columns.find((c) => normaliseHeader(c.column) === normaliseHeader(name))!);
}

/** Errors in the order of the rows (or array indexes) they are about; `body` errors first. */
export function inInputOrder(errors: ProblemFieldError[]): ProblemFieldError[] {
  const position = (e: ProblemFieldError) => Number(/\d+/.exec(e.field)?.[0] ?? -1);
  return errors.map((e) => ({ e, at: position(e) })).sort((a, b) => a.at - b.at).map(({ e }) => e);
}

/** Every record checked against its DTO; unknown fields are named with the unknown-field rule. */
export function validationErrors(kind: ImportKind, records: ImportRecords): ProblemFieldError[] {
  const list = plainToInstance(kind.list, { items: records.items });
  const errors = validateSync(list, { whitelist: true, forbidNonWhitelisted: true, validationError: { target: false, value: false } });
  const out: ProblemFieldError[] = [];
  for (const itemError of errors.flatMap((e) => e.children ?? [])) {
    const index = Number(itemError.property);
    for (const fieldError of itemError.children ?? []) {
      const field = records.fieldOf(index, fieldError.property);
      for (const [rule, message] of Object.entries(fieldError.constraints ?? {})) {
        out.push(rule === 'whitelistValidation' ? error(field, 'unknown-field', 'is not a known field') : error(field, rule, message));
      }
    }
  }
  return out;
}

/** A key twice in one request is ambiguous (which one wins?), so it is refused rather than guessed. */
export function duplicateKeyErrors(kind: ImportKind, records: ImportRecords): ProblemFieldError[] {
  const key = kind.columns[0].property;
  const firstAt = new Map<unknown, number>();
  return records.items.flatMap((item, i) => {
    const seen = firstAt.get(item[key]);
    if (seen === undefined) {
      firstAt.set(item[key], i);
      return [];
    }
    return [error(records.fieldOf(i, key), 'duplicate', `${item[key]} is also at ${records.fieldOf(seen, key)}`)];
  });
}
