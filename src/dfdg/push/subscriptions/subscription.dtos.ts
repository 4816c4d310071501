import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUrl, MaxLength, ValidateBy } from 'class-validator';
import { isValidSecret } from '../webhook-signature';

const IsWebhookSecret = () =>
  ValidateBy({
    name: 'webhookSecret',
    validator: {
      validate: (value) => typeof value === 'string' && isValidSecret(value),
      defaultMessage: () => 'secret must be whsec_ followed by the base64 of a 24–64 byte key (Standard Webhooks)',
    },
  });

export class CreateSubscriptionDto {
  @ApiProperty({ example: 'https://case-system.kk.dk/dfdg/push', description: 'Where pushes are POSTed (https, or http)' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_valid_protocol: true, require_tld: false, disallow_auth: true }, { message: 'url must be an absolute http or https URL without credentials' })
  @MaxLength(2000)
  url: string;

  @ApiPropertyOptional({ example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', description: 'Standard Webhooks secret; generated (and returned once) when left out' })
  @IsOptional()
  @IsWebhookSecret()
  secret?: string;

  @ApiPropertyOptional({ enum: ['end', 'start'], default: 'end', description: "'end': only messages after the job centre's current last one; 'start': every message" })
  @IsOptional()
  @IsIn(['end', 'start'])
  from?: 'end' | 'start';
}

export class RotateSecretDto {
  @ApiPropertyOptional({ description: 'The new secret; generated (and returned once) when left out' })
  @IsOptional()
  @IsWebhookSecret()
  secret?: string;
}
