import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { SIGNING_METHOD_CODES, SigningMethod } from '../../../registries/signing-methods';

export class ApproveSupplementaryGrantAsCompanyDto {
  @ApiPropertyOptional({ enum: SIGNING_METHOD_CODES, default: 'nemid-employee-signature', description: 'R36/R37: MitID Erhverv only when its feature flag is on' })
  @IsOptional()
  @IsIn(SIGNING_METHOD_CODES)
  method?: SigningMethod;
}
