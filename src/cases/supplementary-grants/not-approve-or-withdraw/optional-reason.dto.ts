import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

/** The 'Afvis' of a refusal or withdrawal (a formatted communication field, R29), bounded as on applications. */
export class SupplementaryGrantReasonDto {
  @ApiPropertyOptional({ description: "'Begrundelse' (at most 2,000 characters)", maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}
