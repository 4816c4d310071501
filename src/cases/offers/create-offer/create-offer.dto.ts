import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsNumber, IsString, Max, Min } from 'class-validator';
import { CommandContext } from '../../../platform/commands/command-context';
import { IsIdentifier } from '../../../platform/validation/identifiers';
import { SCHEME_CODES, Scheme } from '../../../registries/schemes';

/** The company's offer; its CVR is the caller's organisation, never taken from the body. */
export class CreateOfferDto {
  @ApiProperty({ enum: SCHEME_CODES, description: "The scheme ('Ordning')" })
  @IsIn(SCHEME_CODES)
  scheme: Scheme;

  @ApiProperty({ example: '1000000001', description: "P-number of one of the company's P-units (10 digits); whether it has an employee representative (D23) comes from reference data" })
  @IsIdentifier('pNumber')
  pNumber: string;

  @ApiProperty({ example: '101', description: 'Number of the job centre the offer is made to' })
  @IsIdentifier('jobcentre')
  jobcentre: string;

  @ApiProperty({ description: "On 'Den nationale liste' (2.2)" })
  @IsBoolean()
  onNationalList: boolean;

  @ApiProperty({ example: 30, description: "'Timetal': hours per week" })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(168)
  hoursPerWeek: number;

  @ApiProperty({ description: "'Arbejdsopgaver' (free text; at most 2,000 characters on offers created from the effective date, R27)" })
  @IsString()
  @IsNotEmpty()
  workTasks: string;
}

export class CreateOfferCommand {
  constructor(
    readonly offerId: string,
    readonly input: CreateOfferDto,
    readonly context: CommandContext,
  ) {}
}
