import { Injectable } from '@nestjs/common';
import { IdentifierPipe } from '../../../platform/validation/identifier.pipe';

/** A subscription id in the path must be a UUID; anything else is a 400 naming the field. */
@Injectable()
export class SubscriptionIdPipe extends IdentifierPipe {
  constructor() {
    super('uuid', 'a subscription id (a UUID)', 'subscription-id-format');
  }
}
