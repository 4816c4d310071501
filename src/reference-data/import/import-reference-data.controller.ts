import { applyDecorators, Body, Controller, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Request } from 'express';
import { Roles } from '../../platform/auth/roles.decorator';
import { CITIZENS, COMPANIES, ImportKind, JOBCENTRES, P_UNITS } from './import-kinds';
import { MAX_JSON_ITEMS, recordsFromRequest } from './import-records';
import { ReferenceDataImport } from './reference-data-import.service';

const csvHeader = (kind: ImportKind) => kind.columns.map((c) => c.column).join(',');
const summary = (kind: ImportKind) => `Upsert ${kind.path} (JSON array or CSV); all or nothing; answers { imported }`;

/** One body, two media types: the schema offers both shapes, since Swagger gives every media type the same schema. */
const ImportBody = (kind: ImportKind, extra = '') =>
  applyDecorators(
    ApiOperation({ summary: summary(kind) + extra }),
    ApiConsumes('application/json', 'text/csv'),
    ApiExtraModels(kind.dto),
    ApiBody({
      description:
        `application/json: an array of at most ${MAX_JSON_ITEMS} records. text/csv: a header row naming the columns ` +
        `(${csvHeader(kind)}; case, '_' and '-' are ignored), ';' or ',' separated, RFC 4180 quoting, UTF-8 unless a charset is given.`,
      schema: { oneOf: [{ type: 'array', items: { $ref: getSchemaPath(kind.dto) } }, { type: 'string', example: `${csvHeader(kind)}\n…` }] },
    }),
    ApiOkResponse({ schema: { type: 'object', properties: { imported: { type: 'integer', example: 2 } } } }),
  );

/**
 * Imports of national master data. PUT because an import states the records as they are
 * (repeating it changes nothing); the format is chosen by Content-Type. Job centre staff
 * (caseworkers and company support) import until an operator role exists.
 */
@ApiTags('reference-data')
@ApiBearerAuth()
@Controller('api/reference-data')
@Roles('jobcentre', 'company-support')
export class ImportReferenceDataController {
  constructor(private readonly importer: ReferenceDataImport) {}

  @Put('jobcentres')
  @ImportBody(JOBCENTRES)
  jobcentres(@Body() records: unknown, @Req() req: Request) {
    return this.importer.import(JOBCENTRES, recordsFromRequest(JOBCENTRES, req.headers['content-type'], records));
  }

  @Put('companies')
  @ImportBody(COMPANIES)
  companies(@Body() records: unknown, @Req() req: Request) {
    return this.importer.import(COMPANIES, recordsFromRequest(COMPANIES, req.headers['content-type'], records));
  }

  @Put('p-units')
  @ImportBody(P_UNITS, '; every company must already be imported')
  pUnits(@Body() records: unknown, @Req() req: Request) {
    return this.importer.import(P_UNITS, recordsFromRequest(P_UNITS, req.headers['content-type'], records));
  }

  @Put('citizens')
  @ImportBody(CITIZENS)
  citizens(@Body() records: unknown, @Req() req: Request) {
    return this.importer.import(CITIZENS, recordsFromRequest(CITIZENS, req.headers['content-type'], records));
  }
}
