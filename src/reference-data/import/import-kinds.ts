import { ClassConstructor } from 'class-transformer';
import { CitizenImportDto, CompanyImportDto, JobcentreImportDto, PUnitImportDto, importListOf } from './import.dtos';

/** How a CSV cell becomes a value: text (blank optional text is null) or a yes/no flag. */
export type CellType = 'text' | 'boolean';

export interface ImportColumn {
  /** The DTO property (JSON field). */
  property: string;
  /** The table column, which is also the CSV header name. */
  column: string;
  pgType: 'text' | 'boolean';
  cell: CellType;
  required: boolean;
}

/** One importable kind of reference data: its record, table and columns, the key first. */
export interface ImportKind {
  path: 'jobcentres' | 'companies' | 'p-units' | 'citizens';
  /** Singular noun for messages. */
  noun: string;
  dto: ClassConstructor<object>;
  /** The request as class-validator sees it: `{ items: dto[] }`. */
  list: ClassConstructor<{ items: object[] }>;
  table: string;
  columns: ImportColumn[];
}

const text = (property: string, column: string, required = true): ImportColumn => ({ property, column, pgType: 'text', cell: 'text', required });
const flag = (property: string, column: string): ImportColumn => ({ property, column, pgType: 'boolean', cell: 'boolean', required: false });

export const JOBCENTRES: ImportKind = {
  path: 'jobcentres',
  noun: 'job centre',
  dto: JobcentreImportDto,
  list: importListOf(JobcentreImportDto),
  table: 'jobcentres',
  columns: [text('number', 'number'), text('name', 'name')],
};

export const COMPANIES: ImportKind = {
  path: 'companies',
  noun: 'company',
  dto: CompanyImportDto,
  list: importListOf(CompanyImportDto),
  table: 'companies',
  columns: [text('cvr', 'cvr'), text('name', 'name')],
};

export const P_UNITS: ImportKind = {
  path: 'p-units',
  noun: 'P-unit',
  dto: PUnitImportDto,
  list: importListOf(PUnitImportDto),
  table: 'p_units',
  columns: [
    text('pNumber', 'p_number'),
    text('cvr', 'cvr'),
    text('name', 'name'),
    text('address', 'address', false),
    flag('hasEmployeeRepresentative', 'has_employee_representative'),
  ],
};

export const CITIZENS: ImportKind = {
  path: 'citizens',
  noun: 'citizen',
  dto: CitizenImportDto,
  list: importListOf(CitizenImportDto),
  table: 'citizens',
  columns: [text('cpr', 'cpr'), text('firstName', 'first_name'), text('lastName', 'last_name')],
};

/** Header names compare without case, spaces, '_' or '-', so `p_number`, `pNumber` and `P-number` all match. */
export function normaliseHeader(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_-]/g, '');
}

const TRUE = new Set(['true', '1', 'ja', 'j', 'yes', 'y', 'x']);
const FALSE = new Set(['false', '0', 'nej', 'n', 'no']);

/**
 * A CSV cell as the DTO expects it. Cells are trimmed (spreadsheets pad them); a blank
 * optional cell is "not stated": null text, or the column default for a flag. An
 * unrecognised flag stays text so validation reports it with the rule.
 */
export function cellValue(column: ImportColumn, raw: string): unknown {
  const value = raw.trim();
  if (column.cell === 'boolean') {
    const lower = value.toLowerCase();
    if (lower === '') return undefined;
    return TRUE.has(lower) ? true : FALSE.has(lower) ? false : value;
  }
  if (value === '' && !column.required) return null;
  return value;
}
