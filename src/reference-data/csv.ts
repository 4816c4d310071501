/**
 * A small RFC 4180 CSV reader for the reference-data imports: quoted fields may hold the
 * delimiter, line breaks and doubled quotes; records end with CRLF or LF. The delimiter is
 * ';' or ',', taken from the header line, because Danish spreadsheet exports use ';' (the
 * comma is the decimal separator there) while register extracts use ','.
 */

export interface CsvRecord {
  /** 1-based record number, the header being row 1, as a spreadsheet numbers its rows. */
  row: number;
  fields: string[];
}

export interface CsvDocument {
  delimiter: ';' | ',';
  header: string[];
  records: CsvRecord[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly row: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`row ${row}, column ${column}: ${reason}`);
    this.name = 'CsvSyntaxError';
  }
}

/** Counts the unquoted ';' and ',' of the first line; the more frequent one is the delimiter. */
export function detectDelimiter(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c === ';') semicolons++;
    else if (!quoted && c === ',') commas++;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * Parses the whole text. Blank lines are skipped but still counted, so row numbers match the
 * rows a spreadsheet shows (a line break inside quotes stays in its row); a trailing line
 * break is not a record. Throws CsvSyntaxError on an unterminated quote, a quote inside an
 * unquoted field, or text between a closing quote and the next delimiter.
 */
export function parseCsv(input: string, delimiter?: ';' | ','): CsvDocument {
  const text = input.replace(/^\uFEFF/, ''); // Excel writes a byte-order mark before UTF-8 CSV
  const sep = delimiter ?? detectDelimiter(text);
  const rows: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false; // the current field was written in quotes
  let row = 1;

  const endField = () => {
    fields.push(field);
    field = '';
    quoted = false;
  };
  const endRecord = () => {
    const blank = fields.length === 0 && field === '' && !quoted;
    endField();
    if (!blank) rows.push({ row, fields });
    fields = [];
    row++;
  };

  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      if (field !== '') throw new CsvSyntaxError(row, fields.length + 1, 'a quote inside an unquoted field (quote the field and double the quote)');
      quoted = true;
      for (i++; ; ) {
        if (i >= text.length) throw new CsvSyntaxError(row, fields.length + 1, 'a quoted field is not closed');
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else {
          field += text[i++];
        }
      }
      const next = text[i];
      if (next !== undefined && next !== sep && next !== '\n' && next !== '\r') {
        throw new CsvSyntaxError(row, fields.length + 1, 'text after a closing quote (a quote inside a field must be doubled)');
      }
    } else if (c === sep) {
      endField();
      i++;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || quoted || fields.length > 0) endRecord();

  const [header, ...records] = rows;
  return { delimiter: sep, header: header?.fields ?? [], records };
}
