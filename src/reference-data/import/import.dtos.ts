import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ClassConstructor, Type } from 'class-transformer';
import { IsArray, IsBoolean, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { IDENTIFIERS, IdentifierKindName, IsIdentifier } from '../../platform/validation/identifiers';

/**
 * One record of each import. The messages leave out the field name because the import
 * prefixes it with where the value came from: `[3].cvr` in JSON, `row 5, column cvr` in CSV.
 */
const NOT_BLANK = /\S/;
const Identifier = (kind: IdentifierKindName) => IsIdentifier(kind, { message: `must be ${IDENTIFIERS[kind].words}` });

export class JobcentreImportDto {
  @ApiProperty({ example: '101', description: 'Job centre number (1–4 digits)' })
  @Identifier('jobcentre')
  number: string;

  @ApiProperty({ example: 'Jobcenter København' })
  @IsString({ message: 'must be text' }) @Matches(NOT_BLANK, { message: 'must not be blank' }) @MaxLength(200, { message: 'must be at most 200 characters' })
  name: string;
}

export class CompanyImportDto {
  @ApiProperty({ example: '12345678', description: 'CVR number (8 digits)' })
  @Identifier('cvr')
  cvr: string;

  @ApiProperty({ example: 'Østergaard Smede ApS' })
  @IsString({ message: 'must be text' }) @Matches(NOT_BLANK, { message: 'must not be blank' }) @MaxLength(300, { message: 'must be at most 300 characters' })
  name: string;
}

export class PUnitImportDto {
  @ApiProperty({ example: '1000000001', description: 'P-number of the P-unit (10 digits)' })
  @Identifier('pNumber')
  pNumber: string;

  @ApiProperty({ example: '12345678', description: 'CVR of the owning company; the company must already be imported' })
  @Identifier('cvr')
  cvr: string;

  @ApiProperty({ example: 'Østergaard Smede, Århus' })
  @IsString({ message: 'must be text' }) @Matches(NOT_BLANK, { message: 'must not be blank' }) @MaxLength(300, { message: 'must be at most 300 characters' })
  name: string;

  @ApiPropertyOptional({ example: 'Åboulevarden 1, 8000 Aarhus C', nullable: true })
  @IsOptional() @IsString({ message: 'must be text' }) @MaxLength(500, { message: 'must be at most 500 characters' })
  address?: string | null;

  @ApiPropertyOptional({ default: false, description: 'D23: whether the P-unit has an employee representative' })
  @IsOptional() @IsBoolean({ message: 'must be true or false (in CSV also ja/nej, yes/no, 1/0)' })
  hasEmployeeRepresentative?: boolean;
}

/** The person only: DFDG's assignments to an Anden Aktør are events, recorded by POST /api/dfdg/assignments. */
export class CitizenImportDto {
  @ApiProperty({ example: '0101901234', description: 'CPR number (10 digits)' })
  @Identifier('cpr')
  cpr: string;

  @ApiProperty({ example: 'Søren' })
  @IsString({ message: 'must be text' }) @Matches(NOT_BLANK, { message: 'must not be blank' }) @MaxLength(200, { message: 'must be at most 200 characters' })
  firstName: string;

  @ApiProperty({ example: 'Ærø' })
  @IsString({ message: 'must be text' }) @Matches(NOT_BLANK, { message: 'must not be blank' }) @MaxLength(200, { message: 'must be at most 200 characters' })
  lastName: string;
}

/**
 * The whole request: the body array wrapped as `items`, so class-validator checks every
 * record with its DTO (ValidateNested each) and reports each by index.
 */
export function importListOf(dto: ClassConstructor<object>): ClassConstructor<{ items: object[] }> {
  class ImportList {
    @IsArray() @ValidateNested({ each: true }) @Type(() => dto)
    items: object[];
  }
  return ImportList;
}
