import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';

/** Body of a refusal or withdrawal by any party (R41). */
export class GrantPartyReasonDto {
  @ApiPropertyOptional({ nullable: true, description: "'Begrundelse' (free text; at most 2,000 characters on grants created from the effective date, R27)" })
  @IsOptional()
  @IsString()
  reason?: string | null;
}
