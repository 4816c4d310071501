import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { CommandContext } from '../../../platform/commands/command-context';
import { IsIdentifier } from '../../../platform/validation/identifiers';
import { SUPPLEMENTARY_GRANT_TYPE_CODES, SupplementaryGrantType } from '../../../registries/supplementary-grant-types';

export class CreateSupplementaryGrantDto {
  @ApiProperty({ description: 'The grant it is attached to; its scheme, job centre, company and citizen are taken from it (R3)' })
  @IsIdentifier('caseId')
  @Transform(({ value }) => (typeof value === 'string' ? value.toLowerCase() : value))
  parentGrantId: string;

  @ApiProperty({ enum: SUPPLEMENTARY_GRANT_TYPE_CODES, description: "'Tillægsbevilling': 'Mentor' or 'Hjælpemidler'" })
  @IsIn(SUPPLEMENTARY_GRANT_TYPE_CODES)
  type: SupplementaryGrantType;

  @ApiProperty({ description: "'Begrundelse' (free text; at most 2,000 characters from the effective date, R27)" })
  @IsString()
  @IsNotEmpty()
  justification: string;

  @ApiPropertyOptional({ description: "'Bemærkninger' (free text; at most 2,000 characters from the effective date, R27)" })
  @IsOptional()
  @IsString()
  remarks?: string;
}

export class CreateSupplementaryGrantCommand {
  constructor(
    readonly supplementaryGrantId: string,
    readonly input: CreateSupplementaryGrantDto,
    readonly context: CommandContext,
  ) {}
}
