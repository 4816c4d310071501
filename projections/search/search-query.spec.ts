import { labelSql, orderBy } from './search-query';

describe('search-query: ORDER BY only from a whitelist, nulls last, case id last (R1)', () => {
  const whitelist = { createdAt: 'created_at', type: labelSql('supplementary_grant_type', { mentor: 'Mentor', 'assistive-aids': "Hjælpe'midler" }) };

  it('builds ORDER BY with the direction on the tie-breaker too', () => {
    expect(orderBy(whitelist, 'createdAt', 'desc')).toBe('ORDER BY created_at DESC NULLS LAST, case_id DESC');
    expect(orderBy(whitelist, 'createdAt', 'asc')).toBe('ORDER BY created_at ASC NULLS LAST, case_id ASC');
  });

  it('sorts on labels from constants, quoting them', () => {
    expect(whitelist.type).toBe("(CASE supplementary_grant_type WHEN 'mentor' THEN 'Mentor' WHEN 'assistive-aids' THEN 'Hjælpe''midler' ELSE supplementary_grant_type END)");
  });

  it('refuses a key outside the whitelist', () => {
    expect(() => orderBy(whitelist, 'created_at; DROP TABLE x' as 'createdAt', 'asc')).toThrow(/not a sort column/);
  });
});
