import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { CommandContext } from '../../../platform/commands/command-context';
import { IsIdentifier } from '../../../platform/validation/identifiers';
import { NestedObject } from '../../../platform/validation/nested-object';
import { CitizenRefDto, CompanyRefDto } from '../../shared/party-refs.dto';

export class CreateIguAgreementDto {
  @ApiProperty({ type: CompanyRefDto })
  @NestedObject(() => CompanyRefDto)
  company: CompanyRefDto;

  @ApiProperty({ type: CitizenRefDto })
  @NestedObject(() => CitizenRefDto)
  citizen: CitizenRefDto;

  @ApiPropertyOptional({ example: '101', description: "The owning job centre; a caseworker's own by default, required when a company creates the agreement" })
  @IsOptional()
  @IsIdentifier('jobcentre')
  jobcentre?: string;
}

export class CreateIguAgreementCommand {
  constructor(
    readonly iguAgreementId: string,
    readonly input: CreateIguAgreementDto,
    readonly context: CommandContext,
  ) {}
}
