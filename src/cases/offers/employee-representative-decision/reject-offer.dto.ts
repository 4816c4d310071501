import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** The representative's 'Afvis' (a formatted communication field, R29), bounded as on applications. */
export class RejectOfferDto {
  @ApiProperty({ description: "'Begrundelse' for the rejection (at most 2,000 characters)", maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  reason: string;
}
