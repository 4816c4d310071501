/**
 * The OpenAPI shapes of the code lists. They document code-lists.ts's interfaces (which the
 * builders are typed by); enums come from the registries, so the document follows them too.
 */
import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { DFDG_CODES } from '../registries/dfdg-codes';
import { SCHEME_CODES } from '../registries/schemes';
import { CASE_TYPE_LABELS } from '../registries/search-display';
import { SIGNING_METHOD_CODES } from '../registries/signing-methods';
import { SUPPLEMENTARY_GRANT_TYPE_CODES } from '../registries/supplementary-grant-types';
import { CODE_LIST_NAMES, CodeListName } from './code-lists';

const DFDG_CODE_VALUES = Object.keys(DFDG_CODES).map(Number);

export class CodeListLinksModel {
  @ApiProperty({ example: '/api/code-lists/schemes' }) self: string;
}

export class CodeListSummaryModel {
  @ApiProperty({ enum: CODE_LIST_NAMES }) name: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: CodeListLinksModel }) links: CodeListLinksModel;
}

export class SchemeEntryModel {
  @ApiProperty({ enum: SCHEME_CODES }) code: string;
  @ApiProperty({ example: 'Virksomhedspraktik' }) label: string;
  @ApiProperty({ type: String, nullable: true, example: 'VP' }) abbreviation: string | null;
  @ApiProperty({ description: 'Mentor, assistive aid and personal assistant are compensating schemes' }) compensating: boolean;
}

export class StatusEntryModel {
  @ApiProperty({ example: 'active' }) code: string;
  @ApiProperty({ example: 'Aktiv' }) label: string;
  @ApiProperty({ description: "false: shown in no list, count, filter or export, only in a case's history (R18, D7)" }) listed: boolean;
}

export class CaseTypeStatusesModel {
  @ApiProperty({ enum: Object.keys(CASE_TYPE_LABELS) }) caseType: string;
  @ApiProperty({ example: 'Bevilling' }) caseTypeLabel: string;
  @ApiProperty({ type: [StatusEntryModel] }) statuses: StatusEntryModel[];
}

export class SubReasonEntryModel {
  @ApiProperty() id: number;
  @ApiProperty() label: string;
  @ApiProperty({ type: Number, enum: DFDG_CODE_VALUES, nullable: true, description: 'null: never mapped (R39)' }) dfdgCode: number | null;
  @ApiProperty({ type: String, nullable: true }) dfdgLabel: string | null;
}

export class CessationReasonEntryModel extends SubReasonEntryModel {
  @ApiProperty({ description: "Registering the reason needs one of its sub-reasons ('undervalg')" }) requiresSubReason: boolean;
  @ApiProperty({ type: [SubReasonEntryModel] }) subReasons: SubReasonEntryModel[];
}

export class SchemeCessationReasonsModel {
  @ApiProperty({ enum: SCHEME_CODES }) scheme: string;
  @ApiProperty() schemeLabel: string;
  @ApiProperty({ description: 'D1: true where the source lists no reasons for the scheme, so these are an assumption to confirm with STAR' }) assumption: boolean;
  @ApiProperty({ type: [CessationReasonEntryModel] }) reasons: CessationReasonEntryModel[];
}

export class DfdgCessationCodeEntryModel {
  @ApiProperty({ type: Number, enum: DFDG_CODE_VALUES }) code: number;
  @ApiProperty() label: string;
  @ApiProperty() selectableByCaseworker: boolean;
}

export class SupplementaryGrantTypeEntryModel {
  @ApiProperty({ enum: SUPPLEMENTARY_GRANT_TYPE_CODES }) code: string;
  @ApiProperty() label: string;
}

export class SigningMethodEntryModel {
  @ApiProperty({ enum: SIGNING_METHOD_CODES }) code: string;
  @ApiProperty() label: string;
  @ApiProperty({ type: String, nullable: true }) featureFlag: string | null;
  @ApiProperty({ description: 'Accepted by this installation now (R37, D14)' }) enabled: boolean;
}

const ITEM_MODELS: Record<CodeListName, new () => object> = {
  schemes: SchemeEntryModel,
  statuses: CaseTypeStatusesModel,
  'cessation-reasons': SchemeCessationReasonsModel,
  'dfdg-cessation-codes': DfdgCessationCodeEntryModel,
  'supplementary-grant-types': SupplementaryGrantTypeEntryModel,
  'signing-methods': SigningMethodEntryModel,
};

/** For @ApiExtraModels: every model a $ref below points at. */
export const CODE_LIST_MODELS = [CodeListLinksModel, ...Object.values(ITEM_MODELS)];

/** One list: the same envelope for each name, the items' shape chosen by `name`. */
export const CODE_LIST_SCHEMA: SchemaObject = {
  oneOf: CODE_LIST_NAMES.map((name) => ({
    type: 'object',
    required: ['name', 'description', 'items', 'links'],
    properties: {
      name: { type: 'string', enum: [name] },
      description: { type: 'string' },
      items: { type: 'array', items: { $ref: getSchemaPath(ITEM_MODELS[name]) } },
      links: { $ref: getSchemaPath(CodeListLinksModel) },
    },
  })),
  discriminator: { propertyName: 'name' },
};

/** RFC 9457 problem+json, as ProblemDetailsFilter writes it. */
export const PROBLEM_CONTENT = {
  'application/problem+json': {
    schema: {
      type: 'object',
      required: ['type', 'title', 'status', 'detail', 'rule'],
      properties: {
        type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' },
        instance: { type: 'string' }, rule: { type: 'string' }, field: { type: 'string' },
      },
    } satisfies SchemaObject,
  },
};
