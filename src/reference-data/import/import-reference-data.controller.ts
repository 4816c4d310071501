import { Body, Controller, Headers, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../platform/auth/roles.decorator';
import { CITIZENS, COMPANIES, ImportKind, JOBCENTRES, P_UNITS } from './import-kinds';
import { MAX_JSON_ITEMS, recordsFromRequest } from './import-records';
import { ReferenceDataImport } from './reference-data-import.service';

const csvHeader = (kind: ImportKind) => kind.columns.map((c) => c.column).join(',');
const body = (kind: ImportKind): Parameters<typeof ApiBody>[0] => ({
  type: [kind.dto],
  description:
    `JSON: an array of at most ${MAX_JSON_ITEMS} records. text/csv: a header row naming the columns ` +
    `(${csvHeader(kind)}; case, '_' and '-' are ignored), ';' or ',' separated, RFC 4180 quoting, UTF-8 unless a charset is given.`,
});
const summary = (kind: ImportKind) => `Upsert ${kind.path} (JSON array or CSV); all or nothing; answers { imported }`;
const imported = { schema: { type: 'object', properties: { imported: { type: 'integer', example: 2 } } } };

/**
 * Imports of national master data. PUT because an import states the records as they are
 * (repeating it changes nothing); the format is chosen by Content-Type. Job centre staff
 * (caseworkers and company support) import until an operator role exists.
 */
@ApiTags('reference-data')
@ApiBearerAuth()
@ApiConsumes('application/json', 'text/csv')
@Controller('api/reference-data')
@Roles('jobcentre', 'company-support')
export class ImportReferenceDataController {
  constructor(private readonly importer: ReferenceDataImport) {}

  @Put('jobcentres')
  @ApiOperation({ summary: summary(JOBCENTRES) })
  @ApiBody(body(JOBCENTRES))
  @ApiOkResponse(imported)
  jobcentres(@Body() records: unknown, @Headers('content-type') contentType?: string) {
    return this.importer.import(JOBCENTRES, recordsFromRequest(JOBCENTRES, contentType, records));
  }

  @Put('companies')
  @ApiOperation({ summary: summary(COMPANIES) })
  @ApiBody(body(COMPANIES))
  @ApiOkResponse(imported)
  companies(@Body() records: unknown, @Headers('content-type') contentType?: string) {
    return this.importer.import(COMPANIES, recordsFromRequest(COMPANIES, contentType, records));
  }

  @Put('p-units')
  @ApiOperation({ summary: `${summary(P_UNITS)}; every company must already be imported` })
  @ApiBody(body(P_UNITS))
  @ApiOkResponse(imported)
  pUnits(@Body() records: unknown, @Headers('content-type') contentType?: string) {
    return this.importer.import(P_UNITS, recordsFromRequest(P_UNITS, contentType, records));
  }

  @Put('citizens')
  @ApiOperation({ summary: summary(CITIZENS) })
  @ApiBody(body(CITIZENS))
  @ApiOkResponse(imported)
  citizens(@Body() records: unknown, @Headers('content-type') contentType?: string) {
    return this.importer.import(CITIZENS, recordsFromRequest(CITIZENS, contentType, records));
  }
}
