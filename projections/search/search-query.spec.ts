import { labelSql, sqlLiteral } from './search-query';

describe('search-query: labels sort from registry constants, quoted', () => {
  it('sorts on labels, quoting them', () => {
    expect(labelSql('supplementary_grant_type', { mentor: 'Mentor', 'assistive-aids': "Hjælpe'midler" })).toBe(
      "(CASE supplementary_grant_type WHEN 'mentor' THEN 'Mentor' WHEN 'assistive-aids' THEN 'Hjælpe''midler' ELSE supplementary_grant_type END)",
    );
    expect(sqlLiteral("a'b")).toBe("'a''b'");
  });
});
