import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, MaxLength, ValidateBy } from 'class-validator';
import { isValidSecret } from '../webhook-signature';

const IsWebhookSecret = () =>
  ValidateBy({
    name: 'webhookSecret',
    validator: {
      validate: (value) => typeof value === 'string' && isValidSecret(value),
      defaultMessage: () => 'secret must be whsec_ followed by the base64 of a 24–64 byte key (Standard Webhooks)',
    },
  });

/**
 * An absolute http(s) URL as the WHATWG parser reads it: the same parser that the policy
 * classifies the host with and that the sender connects with, so no two readings disagree.
 * Where it may point is the URL policy's business (push-url-policy.ts), not this shape check.
 */
const IsPushUrl = () =>
  ValidateBy({
    name: 'pushUrl',
    validator: {
      validate: (value) => {
        if (typeof value !== 'string' || !URL.canParse(value)) return false;
        const url = new URL(value);
        return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password && url.hostname !== '';
      },
      defaultMessage: () => 'url must be an absolute http or https URL without credentials',
    },
  });

export class CreateSubscriptionDto {
  @ApiProperty({
    example: 'https://case-system.kk.dk/dfdg/push',
    description: 'Where pushes are POSTed: https to a public address (http and private addresses only for hosts in PUSH_ALLOWED_HOSTS)',
  })
  @IsPushUrl()
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
