import { SEARCH_LISTS, searchListById } from '../engine/search-lists';
import { rowQuery, sheetPlans } from './export-rows';

describe('export rows', () => {
  it('R21 a list with sheets is split by case type without losing one: the sheets cover exactly its case types', () => {
    for (const list of SEARCH_LISTS.filter((l) => l.sheets)) {
      const types = list.sheets!.flatMap((s) => s.caseTypes);
      expect([...types].sort()).toEqual([...list.caseTypes].sort());
      expect(new Set(types).size).toBe(types.length);
    }
    expect(searchListById('grants')!.sheets!.map((s) => s.title)).toEqual(['Bevillinger', 'Tillægsbevillinger']);
  });

  it("R21 each sheet's plan is the list's plan narrowed to its case types, in the list's order", () => {
    const principal = { userId: 'u', role: 'jobcentre' as const, org: '101' };
    const [grants, supplementary] = sheetPlans({ list: searchListById('grants')!, principal, query: { sort: 'hoursPerWeek' }, today: '2026-03-01' });
    expect(grants.plan.where.sql()).toMatch(/case_type = ANY\(\$\d+\)\)$/);
    expect(grants.plan.where.params.at(-1)).toEqual(['grant']);
    expect(supplementary.plan.where.params.at(-1)).toEqual(['supplementary-grant']);
    expect(grants.plan.order).toBe(supplementary.plan.order);
    const [single] = sheetPlans({ list: searchListById('offers')!, principal, query: {}, today: '2026-03-01' });
    expect(single.title).toBe('Tilbud');
  });

  it("the page is not part of an export's query", () => {
    expect(rowQuery({ page: 3, pageSize: 10, status: ['active'], sort: undefined } as never)).toEqual({ status: ['active'] });
  });
});
