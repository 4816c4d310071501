/**
 * The one registry of identifier kinds: every route, DTO and query filter that takes one of
 * these uses the pattern and the words from here, so a job-centre number valid in one place is
 * valid in all (issue 10), and a refusal says what is expected in words, never as a regular
 * expression.
 */
import { ValidateBy, ValidationOptions } from 'class-validator';
import { UUID_PATTERN } from '../events/uuidv7';

export interface IdentifierKind {
  pattern: RegExp;
  /** What a valid value is, in words: "must be …". */
  words: string;
}

export const IDENTIFIERS = {
  jobcentre: { pattern: /^\d{1,4}$/, words: 'a job centre number (1–4 digits)' },
  cvr: { pattern: /^\d{8}$/, words: 'a CVR number (8 digits)' },
  pNumber: { pattern: /^\d{10}$/, words: 'a P-number (10 digits)' },
  cpr: { pattern: /^\d{10}$/, words: 'a CPR number (10 digits)' },
  aaId: { pattern: /^[A-Za-z0-9._-]{1,64}$/, words: "an Anden Aktør id (1–64 letters, digits, '.', '_' or '-')" },
  caseId: { pattern: UUID_PATTERN, words: 'a case id (a UUID)' },
  /** Other ids the system makes (push subscriptions, export jobs): UUIDs too. */
  uuid: { pattern: UUID_PATTERN, words: 'a UUID' },
  /** A stored file's content address. */
  sha256: { pattern: /^[0-9a-fA-F]{64}$/, words: 'a SHA-256 (64 hexadecimal digits)' },
} as const satisfies Record<string, IdentifierKind>;

export type IdentifierKindName = keyof typeof IDENTIFIERS;

export function isIdentifier(kind: IdentifierKindName, value: unknown): value is string {
  return typeof value === 'string' && IDENTIFIERS[kind].pattern.test(value);
}

/**
 * A DTO field holding an identifier of `kind` (`each` for a multi-value query filter). The
 * rule in the problem is `<kind>-format`, e.g. `jobcentre-format`.
 */
export function IsIdentifier(kind: IdentifierKindName, options: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy(
    {
      name: `${kind}-format`,
      validator: {
        validate: (value: unknown) => isIdentifier(kind, value),
        defaultMessage: (args) => `${args?.property ?? 'the value'} must be ${IDENTIFIERS[kind].words}`,
      },
    },
    options,
  );
}
