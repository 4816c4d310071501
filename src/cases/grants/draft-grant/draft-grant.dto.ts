import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsNumber, IsOptional, IsPositive, IsString, Matches, Max, ValidateNested } from 'class-validator';
import { Command } from '@nestjs/cqrs';
import { CommandContext } from '../../../platform/commands/command-context';
import { CommandResult } from '../../../platform/commands/command-pipeline';
import { UUID_PATTERN } from '../../../platform/events/uuidv7';
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
  @ValidateNested()
  @Type(() => CompanyRefDto)
  company: CompanyRefDto;

  @ApiProperty({ type: CitizenRefDto })
  @ValidateNested()
  @Type(() => CitizenRefDto)
  citizen: CitizenRefDto;

  @ApiProperty({ type: GrantPeriodDto })
  @ValidateNested()
  @Type(() => GrantPeriodDto)
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
  @Matches(UUID_PATTERN, { message: 'applicationId must be a case id (a UUID)' })
  applicationId?: string;

  @ApiPropertyOptional({ description: 'An active offer to make the grant on; a VP or LT offer on the national list goes straight to the company (R44)' })
  @IsOptional()
  @Matches(UUID_PATTERN, { message: 'offerId must be a case id (a UUID)' })
  offerId?: string;

  @ApiPropertyOptional({ type: FleksjobDto, description: 'Required for fleksjob, absent otherwise' })
  @IsOptional()
  @ValidateNested()
  @Type(() => FleksjobDto)
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
