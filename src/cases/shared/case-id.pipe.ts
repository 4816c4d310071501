import { Injectable } from '@nestjs/common';
import { IdentifierPipe } from '../../platform/validation/identifier.pipe';

/** A case id in the path must be a UUID; anything else is a 400 naming the field. */
@Injectable()
export class CaseIdPipe extends IdentifierPipe {
  constructor() {
    super('caseId', 'a case id (a UUID)', 'case-id-format');
  }
}

/** A stored file's SHA-256 in the path (attachments, approval files). */
@Injectable()
export class Sha256Pipe extends IdentifierPipe {
  constructor() {
    super('sha256', 'a SHA-256 (64 hexadecimal digits)', 'sha256-format', 'sha256');
  }
}
