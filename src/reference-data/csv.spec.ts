import { CsvSyntaxError, detectDelimiter, parseCsv } from './csv';

const fieldsOf = (text: string) => parseCsv(text).records.map((r) => r.fields);

describe('parseCsv (RFC 4180, ";" or ",")', () => {
  it('reads a header and records separated by commas', () => {
    const doc = parseCsv('cvr,name\n12345678,Smed ApS\n87654321,Bager A/S\n');
    expect(doc).toEqual({
      delimiter: ',',
      header: ['cvr', 'name'],
      records: [
        { row: 2, fields: ['12345678', 'Smed ApS'] },
        { row: 3, fields: ['87654321', 'Bager A/S'] },
      ],
    });
  });

  it('takes ";" from the header line, as Danish spreadsheet exports write it', () => {
    const doc = parseCsv('cvr;name\r\n12345678;Smed, Østergaard & Søn ApS\r\n');
    expect(doc.delimiter).toBe(';');
    expect(doc.records[0].fields).toEqual(['12345678', 'Smed, Østergaard & Søn ApS']);
  });

  it('keeps delimiters, line breaks and doubled quotes inside quoted fields', () => {
    const rows = fieldsOf('a,b,c\n"x, y","first line\nsecond line","say ""hej"""\n');
    expect(rows).toEqual([['x, y', 'first line\nsecond line', 'say "hej"']]);
  });

  it('numbers rows as a spreadsheet does: a quoted line break stays in its row', () => {
    const doc = parseCsv('a,b\n"1\n2",x\n3,y\n');
    expect(doc.records.map((r) => r.row)).toEqual([2, 3]);
  });

  it('keeps Danish letters and strips a UTF-8 byte-order mark', () => {
    const doc = parseCsv('\uFEFFfirst_name;last_name\nÆbelø;Åsø\n');
    expect(doc.header).toEqual(['first_name', 'last_name']);
    expect(doc.records[0].fields).toEqual(['Æbelø', 'Åsø']);
  });

  it('keeps empty fields, quoted or not, and reads a last line without a line break', () => {
    expect(fieldsOf('a,b,c\n,"",\n1,2,3')).toEqual([
      ['', '', ''],
      ['1', '2', '3'],
    ]);
  });

  it('skips blank lines but counts them, and a lone "" is a record, not a blank line', () => {
    const doc = parseCsv('a\n\n1\r\n\r\n""\n');
    expect(doc.records).toEqual([
      { row: 3, fields: ['1'] },
      { row: 5, fields: [''] },
    ]);
  });

  it('an empty document has no header and no records', () => {
    expect(parseCsv('')).toEqual({ delimiter: ',', header: [], records: [] });
  });

  it('refuses an unterminated quote, naming its row and column', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow(new CsvSyntaxError(2, 2, 'a quoted field is not closed'));
  });

  it('refuses text after a closing quote and a quote inside an unquoted field', () => {
    expect(() => parseCsv('a,b\n"x"y,1\n')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a,b\n1,5" skærm\n')).toThrow(expect.objectContaining({ row: 2, column: 2 }));
  });
});

describe('detectDelimiter', () => {
  it('counts only unquoted delimiters of the first line', () => {
    expect(detectDelimiter('"a;b;c",d\n1;2;3;4')).toBe(',');
    expect(detectDelimiter('a;b;"c,d,e"\n1,2,3')).toBe(';');
    expect(detectDelimiter('single')).toBe(',');
  });
});
