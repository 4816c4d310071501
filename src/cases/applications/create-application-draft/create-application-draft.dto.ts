import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, ValidateNested } from 'class-validator';
import { CommandContext } from '../../../platform/commands/command-context';
import { SCHEME_CODES, Scheme } from '../../../registries/schemes';
import { CitizenRefDto, CompanyRefDto } from '../../shared/party-refs.dto';

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
