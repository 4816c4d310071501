/**
 * The OpenAPI shapes of the case history and of a case as of a moment, declared once and put on
 * each case type's controllers with `ApiCaseHistory(...)` and `ApiCaseAsOf()`.
 */
import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { PROBLEM_CONTENT } from '../../code-lists/code-lists.openapi';
import { DEFAULT_HISTORY_LIMIT, MAX_HISTORY_LIMIT } from './case-history';

const nullableString = { type: 'string', nullable: true } as const;

export const CASE_HISTORY_ENTRY_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['revision', 'eventId', 'type', 'label', 'danishTime', 'occurredAt', 'recordedAt', 'actor', 'fields', 'correlationId', 'causationId', 'hash'],
  properties: {
    revision: { type: 'integer', minimum: 0, description: "0-based position in the case's stream" },
    eventId: { type: 'string', format: 'uuid' },
    type: { type: 'string', example: 'GrantSentForCompanyApproval', description: 'The stable event type name' },
    label: { type: 'string', example: 'Bevilling sendt til godkendelse hos virksomhed', description: 'What happened, in Danish (event-labels registry)' },
    danishTime: { type: 'string', example: '2026-03-01T09:00:00+01:00', description: 'When it happened, Europe/Copenhagen wall-clock time with its offset' },
    occurredAt: { type: 'string', format: 'date-time', example: '2026-03-01T08:00:00.000Z', description: 'When it happened (UTC)' },
    recordedAt: { type: 'string', format: 'date-time', example: '2026-03-01T08:00:00.012Z', description: 'When the event store recorded it (UTC); what `asOf` compares with' },
    actor: {
      type: 'object',
      required: ['role', 'roleLabel', 'organisation', 'userId', 'name'],
      properties: {
        role: { type: 'string', example: 'jobcentre' },
        roleLabel: { type: 'string', example: 'Jobcenter' },
        organisation: { type: 'string', example: '101', description: "The token's org: job centre number, CVR, P-number, CPR, AA id or auditor name" },
        userId: { type: 'string', example: 'caseworker-17' },
        name: { ...nullableString, example: 'Mette Holm' },
      },
    },
    fields: {
      type: 'array',
      description: 'The fields the event set; nested objects flattened with dots (`citizen.cpr`, `period.start`)',
      items: {
        type: 'object',
        required: ['field', 'label', 'value'],
        properties: {
          field: { type: 'string', example: 'period.end' },
          label: { type: 'string', example: 'Periode til' },
          value: { nullable: true, oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }], example: '2027-06-30' },
        },
      },
    },
    correlationId: { type: 'string' },
    causationId: { type: 'string' },
    hash: { type: 'string', nullable: true, description: 'Reserved for the tamper-evidence hash chain (issue 12, item 3); null until then' },
  },
};

export const CASE_HISTORY_PAGE_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['items', 'nextCursor', 'links'],
  properties: {
    items: { type: 'array', items: CASE_HISTORY_ENTRY_SCHEMA },
    nextCursor: { ...nullableString, description: 'Pass as `cursor` for the next page; null on the last page' },
    links: {
      type: 'object',
      required: ['self', 'next', 'case'],
      properties: { self: { type: 'string' }, next: nullableString, case: { type: 'string', example: '/api/grants/0190…' } },
    },
  },
};

/** The history endpoint's documentation: `what` is the case type in words ('grant'). */
export function ApiCaseHistory(what: string): MethodDecorator {
  return applyDecorators(
    ApiOperation({
      summary: `Every event of the ${what}, oldest first: revision, Danish label, Danish time and UTC instants, actor, fields with Danish labels, correlation and causation ids, hash (reserved, null); paged (limit ${DEFAULT_HISTORY_LIMIT} by default, at most ${MAX_HISTORY_LIMIT})`,
      description: `Readable by auditors, the owning job centre and whoever may read the ${what}; an AA the citizen is no longer assigned to sees CPR numbers and names masked.`,
    }),
    ApiOkResponse({ description: 'One page of the history', schema: CASE_HISTORY_PAGE_SCHEMA }),
    ApiBadRequestResponse({ description: 'A malformed case id, limit or cursor (rules case-id-format, isInt/min/max, invalid-cursor; the field is named)', content: PROBLEM_CONTENT }),
    ApiForbiddenResponse({ description: `The caller may not read this ${what}`, content: PROBLEM_CONTENT }),
    ApiNotFoundResponse({ description: `No ${what} has that id (rule not-found)`, content: PROBLEM_CONTENT }),
  );
}

/** The `asOf` / `revision` parameters of GET one: its extra answers and the header saying which revision is shown. */
export function ApiCaseAsOf(): MethodDecorator {
  return applyDecorators(
    ApiResponse({
      status: 200,
      description: 'The case (with `asOf` or `revision`: as it was then, with `allowedActions: []`)',
      headers: {
        'X-Case-Revision': { description: 'The revision the answer shows', schema: { type: 'integer' } },
        ETag: { description: 'That revision, quoted', schema: { type: 'string' } },
      },
    }),
    ApiBadRequestResponse({ description: 'asOf and revision together (rule as-of-or-revision), a malformed instant (rule instant, field asOf), a negative, non-integer or too large revision (field revision; past the latest: rule revision-beyond-case)', content: PROBLEM_CONTENT }),
    ApiNotFoundResponse({ description: 'No case has that id (rule not-found), or it did not exist yet at asOf (rule as-of-before-creation)', content: PROBLEM_CONTENT }),
  );
}
