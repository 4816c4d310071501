import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, Matches, ValidateNested } from 'class-validator';
import { CommandContext } from '../../../platform/commands/command-context';
import { CitizenRefDto, CompanyRefDto } from '../../shared/party-refs.dto';

export class CreateIguAgreementDto {
  @ApiProperty({ type: CompanyRefDto })
  @ValidateNested()
  @Type(() => CompanyRefDto)
  company: CompanyRefDto;

  @ApiProperty({ type: CitizenRefDto })
  @ValidateNested()
  @Type(() => CitizenRefDto)
  citizen: CitizenRefDto;

  @ApiPropertyOptional({ example: '101', description: "The owning job centre; a caseworker's own by default, required when a company creates the agreement" })
  @IsOptional()
  @Matches(/^\d{1,4}$/, { message: 'jobcentre must be a job centre number (1–4 digits)' })
  jobcentre?: string;
}

export class CreateIguAgreementCommand {
  constructor(
    readonly iguAgreementId: string,
    readonly input: CreateIguAgreementDto,
    readonly context: CommandContext,
  ) {}
}
