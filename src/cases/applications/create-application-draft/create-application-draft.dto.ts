import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { CommandContext } from '../../../platform/commands/command-context';
import { NestedObject } from '../../../platform/validation/nested-object';
import { SCHEME_CODES, Scheme } from '../../../registries/schemes';
import { CitizenRefDto, CompanyRefDto } from '../../shared/party-refs.dto';

export class CreateApplicationDraftDto {
  @ApiProperty({ enum: SCHEME_CODES, description: "The scheme ('Ordning')" })
  @IsIn(SCHEME_CODES)
  scheme: Scheme;

  @ApiProperty({ type: CompanyRefDto })
  @NestedObject(() => CompanyRefDto)
  company: CompanyRefDto;

  @ApiProperty({ type: CitizenRefDto })
  @NestedObject(() => CitizenRefDto)
  citizen: CitizenRefDto;
}

export class CreateApplicationDraftCommand {
  constructor(
    readonly applicationId: string,
    readonly input: CreateApplicationDraftDto,
    readonly context: CommandContext,
  ) {}
}
