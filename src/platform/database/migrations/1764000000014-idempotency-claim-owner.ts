import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11: a pending Idempotency-Key claim names the app process that holds it, so a retry can
 * tell a claim whose process died (take it over at once) from one still running (409). Claims
 * made before this column have no owner and keep the old rule: abandoned after 60 s.
 */
export class IdempotencyClaimOwner1764000000014 implements MigrationInterface {
  name = 'IdempotencyClaimOwner1764000000014';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_keys ADD COLUMN owner text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_keys DROP COLUMN owner`);
  }
}
