import { SEARCH_COLUMNS } from '../engine/search-columns';
import { SearchHit } from '../engine/search-hit';
import { cellValue, excelDanishTime, excelDate, exportFileName } from './export-cells';

const hit = (over: Partial<SearchHit>): SearchHit => ({
  case_type: 'grant', case_id: 'g-1', scheme: 'wage-subsidy', supplementary_grant_type: null, status: 'active', jobcentre: '101', company_cvr: '01234567', p_number: '1000000001',
  citizen_cpr: '0101901234', citizen_name: 'Søren Ærø', aa_assigned: null, aa_marking: null, hours_per_week: '37.5', period_start: '2030-01-01', period_end: '2030-06-30',
  approved_date: null, received_date: null, cancelled_by_company_at: null, responsible_caseworker: null, created_at: '2026-07-01T10:15:00+00:00', review_due_date: null,
  ceased_date: null, cessation_reason: null, ...over,
});

describe('export cells', () => {
  it('a calendar date is that day in Excel, whatever the time zone of the process', () => {
    expect(excelDate('2030-01-01').toISOString()).toBe('2030-01-01T00:00:00.000Z');
  });

  it('an instant is its Copenhagen wall-clock time: +2 in summer, +1 in winter, across the DST changes', () => {
    expect(excelDanishTime('2026-07-01T10:15:00+00:00').toISOString()).toBe('2026-07-01T12:15:00.000Z');
    expect(excelDanishTime('2026-01-15T23:30:00Z').toISOString()).toBe('2026-01-16T00:30:00.000Z');
    expect(excelDanishTime('2026-03-29T00:59:59Z').toISOString()).toBe('2026-03-29T01:59:59.000Z'); // before the spring change (01:00 UTC)
    expect(excelDanishTime('2026-03-29T01:00:00Z').toISOString()).toBe('2026-03-29T03:00:00.000Z');
    expect(excelDanishTime('2026-10-25T00:30:00Z').toISOString()).toBe('2026-10-25T02:30:00.000Z');
    expect(excelDanishTime('2026-10-25T01:30:00Z').toISOString()).toBe('2026-10-25T02:30:00.000Z'); // the repeated hour
  });

  it('CPR and CVR stay text with their leading zeros; hours are numbers; empty values are empty cells', () => {
    const labels = { active: 'Aktiv' };
    expect(cellValue(SEARCH_COLUMNS.cpr.cells[0], hit({}), labels)).toBe('0101901234');
    expect(cellValue(SEARCH_COLUMNS.company.cells[0], hit({}), labels)).toBe('01234567');
    expect(cellValue(SEARCH_COLUMNS.hoursPerWeek.cells[0], hit({}), labels)).toBe(37.5);
    expect(cellValue(SEARCH_COLUMNS.hoursPerWeek.cells[0], hit({ hours_per_week: null }), labels)).toBeNull();
    expect(cellValue(SEARCH_COLUMNS.periodStart.cells[0], hit({}), labels)).toEqual(new Date('2030-01-01T00:00:00Z'));
    expect(cellValue(SEARCH_COLUMNS.status.cells[0], hit({}), labels)).toBe('Aktiv');
  });

  it('R12 a masked citizen shows the masking texts, never the values', () => {
    const masked = hit({ aa_assigned: false, citizen_cpr: null, citizen_name: null });
    expect(cellValue(SEARCH_COLUMNS.cpr.cells[0], masked, {})).toBe('Er ikke udlagt til Anden Aktør');
    expect(cellValue(SEARCH_COLUMNS.name.cells[0], masked, {})).toBe('Persondata er fjernet');
  });

  it('the file name is the list title and the date, with an ASCII fallback for the Danish letters', () => {
    expect(exportFileName('Ophør', '2026-03-01')).toEqual({
      name: 'Ophør 2026-03-01.xlsx',
      contentDisposition: `attachment; filename="Ophoer 2026-03-01.xlsx"; filename*=UTF-8''Oph%C3%B8r%202026-03-01.xlsx`,
    });
    expect(exportFileName('Forlængelser', '2026-03-01').contentDisposition).toContain('filename="Forlaengelser 2026-03-01.xlsx"');
  });
});
