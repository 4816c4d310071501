import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { IsIdentifier } from '../../platform/validation/identifiers';

/** Body of every case type's POST …/{id}/transfer (R33). */
export class TransferCaseDto {
  @ApiProperty({ example: '147', description: 'Number of the job centre that takes over the case' })
  @IsIdentifier('jobcentre')
  toJobcentre: string;
}

/** Body of every case type's POST …/{id}/set-responsible ('Sæt ansvarlig', R55). */
export class SetResponsibleDto {
  @ApiProperty({ example: 'cw-jens-hansen', description: 'User id of the responsible caseworker' })
  @IsString()
  @Length(1, 128)
  caseworkerId: string;
}
