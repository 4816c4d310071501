import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class RejectWithReasonDto {
  @ApiProperty({ description: "'Begrundelse' (free text, at most 2,000 characters)", maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  reason: string;
}
