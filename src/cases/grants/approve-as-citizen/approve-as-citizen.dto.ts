import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

/** R36: a citizen approves with MitID. */
export class ApproveAsCitizenDto {
  @ApiPropertyOptional({ enum: ['mitid'], default: 'mitid', description: 'R36: citizens approve with MitID' })
  @IsOptional()
  @IsIn(['mitid'])
  method?: 'mitid';
}
