import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, Matches, ValidateNested } from 'class-validator';
import { CommandContext } from '../../../platform/commands/command-context';
import { SCHEME_CODES, Scheme } from '../../../registries/schemes';

class CompanyRefDto {
  @ApiProperty({ example: '12345678', description: 'CVR number (8 digits)' })
  @Matches(/^\d{8}$/, { message: 'company.cvr must be 8 digits' })
  cvr: string;

  @ApiProperty({ example: '1000000001', description: 'P-number of the P-unit (10 digits)' })
  @Matches(/^\d{10}$/, { message: 'company.pNumber must be 10 digits' })
  pNumber: string;
}

class CitizenRefDto {
  @ApiProperty({ example: '0101901234', description: 'CPR number (10 digits)' })
  @Matches(/^\d{10}$/, { message: 'citizen.cpr must be 10 digits' })
  cpr: string;
}

export class CreateApplicationDraftDto {
  @ApiProperty({ enum: SCHEME_CODES, description: "The scheme ('Ordning')" })
  @IsIn(SCHEME_CODES)
  scheme: Scheme;

  @ApiProperty({ type: CompanyRefDto })
  @ValidateNested()
  @Type(() => CompanyRefDto)
  company: CompanyRefDto;

  @ApiProperty({ type: CitizenRefDto })
  @ValidateNested()
  @Type(() => CitizenRefDto)
  citizen: CitizenRefDto;
}

export class CreateApplicationDraftCommand {
  constructor(
    readonly applicationId: string,
    readonly input: CreateApplicationDraftDto,
    readonly context: CommandContext,
  ) {}
}
