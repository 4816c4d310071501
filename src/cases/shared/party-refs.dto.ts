import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

/** The company and P-unit a case is with, as every case type's body names them. */
export class CompanyRefDto {
  @ApiProperty({ example: '12345678', description: 'CVR number (8 digits)' })
  @Matches(/^\d{8}$/, { message: 'company.cvr must be 8 digits' })
  cvr: string;

  @ApiProperty({ example: '1000000001', description: 'P-number of the P-unit (10 digits)' })
  @Matches(/^\d{10}$/, { message: 'company.pNumber must be 10 digits' })
  pNumber: string;
}

/** The citizen a case is for. */
export class CitizenRefDto {
  @ApiProperty({ example: '0101901234', description: 'CPR number (10 digits)' })
  @Matches(/^\d{10}$/, { message: 'citizen.cpr must be 10 digits' })
  cpr: string;
}
