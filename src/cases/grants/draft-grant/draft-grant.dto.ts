import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNumber, IsOptional, IsPositive, IsString, Max } from 'class-validator';
import { Command } from '@nestjs/cqrs';
import { CommandContext } from '../../../platform/commands/command-context';
import { CommandResult } from '../../../platform/commands/command-pipeline';
import { IsIdentifier } from '../../../platform/validation/identifiers';
import { NestedObject } from '../../../platform/validation/nested-object';
import { SCHEME_CODES, Scheme } from '../../../registries/schemes';
import { IsCalendarDate } from '../../shared/calendar-date';
import { CitizenRefDto, CompanyRefDto } from '../../shared/party-refs.dto';
import { GrantState } from '../grant.decider';

class GrantPeriodDto {
  @IsCalendarDate('First day of the grant')
  start: string;

  @IsCalendarDate('Last day of the grant (not before start)')
  end: string;
}

/** §3.7: the fleksjob facts (R54, D20). */
class FleksjobDto {
  @ApiProperty({ description: 'A permanent fleksjob' })
  @IsBoolean()
  permanent: boolean;

  @ApiProperty({ description: 'The person is employed in their own company (R54: never with a permanent fleksjob)' })
  @IsBoolean()
  employedInOwnCompany: boolean;
}

export class DraftGrantDto {
  @ApiProperty({ enum: SCHEME_CODES, description: "The scheme ('Ordning')" })
  @IsIn(SCHEME_CODES)
  scheme: Scheme;

  @ApiProperty({ type: CompanyRefDto, description: 'For a compensating scheme, the chosen P-unit must be one of the company’s (R59)' })
  @NestedObject(() => CompanyRefDto)
  company: CompanyRefDto;

  @ApiProperty({ type: CitizenRefDto })
  @NestedObject(() => CitizenRefDto)
  citizen: CitizenRefDto;

  @ApiProperty({ type: GrantPeriodDto })
  @NestedObject(() => GrantPeriodDto)
  period: GrantPeriodDto;

  @ApiPropertyOptional({ nullable: true, example: 30, description: "'Timetal': required for schemes with weekly hours, absent for Mentor, Hjælpemiddel and PA (D13)" })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @IsPositive()
  @Max(168)
  hoursPerWeek?: number | null;

  @ApiPropertyOptional({ nullable: true, description: "'Jobindhold' (free text; at most 2,000 characters on grants created from the effective date, R27)" })
  @IsOptional()
  @IsString()
  jobContent?: string | null;

  @ApiPropertyOptional({ description: "An approved ('Godkendt') application of the caller's job centre to make the grant on" })
  @IsOptional()
  @IsIdentifier('caseId')
  applicationId?: string;

  @ApiPropertyOptional({ description: 'An active offer to make the grant on; a VP or LT offer on the national list goes straight to the company (R44)' })
  @IsOptional()
  @IsIdentifier('caseId')
  offerId?: string;

  @ApiPropertyOptional({ type: FleksjobDto, description: 'Required for fleksjob, absent otherwise' })
  @NestedObject(() => FleksjobDto, { optional: true })
  fleksjob?: FleksjobDto;
}

export class DraftGrantCommand extends Command<CommandResult<GrantState>> {
  constructor(
    readonly grantId: string,
    readonly input: DraftGrantDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}
