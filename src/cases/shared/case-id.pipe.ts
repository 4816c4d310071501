import { Injectable, PipeTransform } from '@nestjs/common';
import { UUID_PATTERN } from '../../platform/events/uuidv7';
import { echo } from '../../platform/http/echo';
import { ProblemError } from '../../platform/http/problems';

/** A case id in the path must be a UUID; anything else is a 400 naming the field. */
@Injectable()
export class CaseIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID_PATTERN.test(value)) throw new ProblemError('validation', `'${echo(value)}' is not a case id (a UUID)`, 'case-id-format', 'id');
    return value.toLowerCase();
  }
}
