import { PipeTransform } from '@nestjs/common';
import { echo } from '../http/echo';
import { ProblemError } from '../http/problems';
import { IDENTIFIERS, IdentifierKindName } from './identifiers';

/**
 * A path parameter that must be an identifier of one kind (from the registry): anything else is
 * a 400 naming the field and the rule, echoing at most an excerpt. Ids compare in lower case.
 */
export class IdentifierPipe implements PipeTransform<string, string> {
  constructor(
    private readonly kind: IdentifierKindName,
    private readonly what: string,
    private readonly rule: string,
    private readonly field = 'id',
  ) {}

  transform(value: string): string {
    if (!IDENTIFIERS[this.kind].pattern.test(value)) {
      throw new ProblemError('validation', `'${echo(value)}' is not ${this.what}`, this.rule, this.field);
    }
    return value.toLowerCase();
  }
}
