import { ApiProperty } from '@nestjs/swagger';
import { IsIdentifier } from '../../platform/validation/identifiers';

/** The company and P-unit a case is with, as every case type's body names them. */
export class CompanyRefDto {
  @ApiProperty({ example: '12345678', description: 'CVR number (8 digits)' })
  @IsIdentifier('cvr')
  cvr: string;

  @ApiProperty({ example: '1000000001', description: 'P-number of the P-unit (10 digits)' })
  @IsIdentifier('pNumber')
  pNumber: string;
}

/** The citizen a case is for. */
export class CitizenRefDto {
  @ApiProperty({ example: '0101901234', description: 'CPR number (10 digits)' })
  @IsIdentifier('cpr')
  cpr: string;
}
