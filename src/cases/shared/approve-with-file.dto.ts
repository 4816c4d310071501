import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsString, Length } from 'class-validator';

/** The multipart fields beside the file of 'Godkend med bilag' (R50–R53, D15: names typed by the job-centre employee). */
export class ApproveWithFileDto {
  @ApiProperty({ description: "'Fornavn' of the person whose approval the file holds" })
  @IsString()
  @Length(1, 100)
  firstName: string;

  @ApiProperty({ description: "'Efternavn' of the person whose approval the file holds" })
  @IsString()
  @Length(1, 100)
  lastName: string;

  @ApiProperty({ description: "R52/D16: the confirmation that the file holds the approval ('true')" })
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  confirmed: boolean;
}
