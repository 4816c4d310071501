import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';

export class ReviewGrantDto {
  @ApiPropertyOptional({ nullable: true, description: "'Bemærkninger' (free text; at most 2,000 characters on grants created from the effective date, R27)" })
  @IsOptional()
  @IsString()
  remarks?: string | null;
}
