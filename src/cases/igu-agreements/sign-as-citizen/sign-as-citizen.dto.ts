import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class SignAsCitizenDto {
  @ApiPropertyOptional({ enum: ['mitid'], default: 'mitid', description: 'R36: citizens sign with MitID' })
  @IsOptional()
  @IsIn(['mitid'])
  method?: 'mitid';
}
