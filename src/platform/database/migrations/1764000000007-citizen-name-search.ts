import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The search lists' name filter ('Navn', R8) matches part of a citizen's name in any case:
 * `(first_name || ' ' || last_name) ILIKE '%…%'`. Without an index that is a scan of every
 * citizen (about 200 ms at 700,000); a trigram index on that very expression finds the few
 * that match (`npm run bench:search`, README 'Search: table, indexes and counts').
 */
export class CitizenNameSearch1764000000007 implements MigrationInterface {
  name = 'CitizenNameSearch1764000000007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`); // a trusted extension: the database's owner may create it
    await q.query(`CREATE INDEX citizens_name_trgm ON citizens USING gin ((first_name || ' ' || last_name) gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX citizens_name_trgm`);
  }
}
