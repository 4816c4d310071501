/**
 * A projection whose definition changed since its table was built (new columns, new version)
 * is rebuilt from the events when the app starts, before its runner follows live appends.
 */
import { DataSource } from 'typeorm';
import { definitionHash } from '../../projections/runner/apply-batch';
import { searchProjection } from '../../projections/search/search.projection';
import { createEmptyDatabase } from '../support/test-database';
import { createTestApp } from '../support/test-app';
import { draftBody } from '../support/fixtures';

const draft = draftBody({ scheme: 'flex-job' });

it('rebuilds a projection at start when its stored definition hash differs', async () => {
  const databaseUrl = await createEmptyDatabase('defchange');
  const first = await createTestApp({}, { databaseUrl });
  const caseworker = `Bearer ${await first.token('jobcentre', '101')}`;
  const { body } = await first.http.post('/api/applications').set('Authorization', caseworker).send(draft).expect(201);
  await first.settle();
  // Simulate a table built by an older definition: a row the events do not explain, and an old hash.
  const db = first.app.get(DataSource);
  await db.query(`UPDATE search_cases SET status = 'stale-shape' WHERE case_id = $1`, [body.id]);
  await db.query(`UPDATE projection_checkpoints SET definition_hash = 'older-definition' WHERE name = 'search_cases'`);
  await first.close();

  const second = await createTestApp({}, { databaseUrl });
  try {
    await second.settle();
    const [row] = await second.app.get(DataSource).query(`SELECT status FROM search_cases WHERE case_id = $1`, [body.id]);
    expect(row.status).toBe('draft');
    const [checkpoint] = await second.app.get(DataSource).query(`SELECT definition_hash FROM projection_checkpoints WHERE name = 'search_cases'`);
    expect(checkpoint.definition_hash).toBe(definitionHash(searchProjection));
  } finally {
    await second.close();
  }
});
