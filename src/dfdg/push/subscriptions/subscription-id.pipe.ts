import { Injectable, PipeTransform } from '@nestjs/common';
import { UUID_PATTERN } from '../../../platform/events/uuidv7';
import { ProblemError } from '../../../platform/http/problems';

/** A subscription id in the path must be a UUID; anything else is a 400 naming the field. */
@Injectable()
export class SubscriptionIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID_PATTERN.test(value)) throw new ProblemError('validation', `'${value}' is not a subscription id (a UUID)`, 'subscription-id-format', 'id');
    return value.toLowerCase();
  }
}
