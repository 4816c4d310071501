import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, isISO8601, ValidateBy, ValidateIf, ValidateNested } from 'class-validator';
import { CommandContext } from '../../platform/commands/command-context';
import { IsIdentifier } from '../../platform/validation/identifiers';

/** Records per request: a DFDG delta, not the whole register; the body must also fit BODY_LIMIT_BYTES. */
export const MAX_ASSIGNMENT_RECORDS = 10_000;

/** An instant: a date, a time and a UTC offset (a local time without one would be a guess). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

const IsInstant = () =>
  ValidateBy({
    name: 'isInstant',
    validator: {
      // isISO8601 strict refuses 30 February, which Date would silently roll into March.
      validate: (value: unknown) => typeof value === 'string' && INSTANT.test(value) && isISO8601(value, { strict: true }),
      defaultMessage: () => 'must be an ISO 8601 instant with a UTC offset, e.g. 2026-03-01T08:00:00Z',
    },
  });

/** One DFDG record: the citizen's assignment as of `effectiveAt`. */
export class AssignmentRecordDto {
  @ApiProperty({ example: '0101901234', description: 'CPR number (10 digits)' })
  @IsIdentifier('cpr')
  cpr: string;

  @ApiProperty({ example: 'aa-42', nullable: true, type: String, description: "The Anden Aktør the citizen is assigned ('udlagt') to; null: assigned to none (required, null included)" })
  // null is a value here (unassigned); only a missing or malformed id is refused.
  @ValidateIf((record: AssignmentRecordDto) => record.aaId !== null)
  @IsIdentifier('aaId', { message: 'aaId must be an Anden Aktør id (1–64 letters, digits, \'.\', \'_\' or \'-\') or null' })
  aaId: string | null;

  @ApiProperty({ example: '2026-03-01T08:00:00Z', description: 'When the assignment (or its end) takes effect in DFDG' })
  @IsInstant()
  effectiveAt: string;
}

export class RecordAssignmentsDto {
  @ApiProperty({ type: [AssignmentRecordDto], minItems: 1, maxItems: MAX_ASSIGNMENT_RECORDS })
  @Type(() => AssignmentRecordDto)
  @ValidateNested({ each: true })
  @ArrayMaxSize(MAX_ASSIGNMENT_RECORDS, { message: `must hold at most ${MAX_ASSIGNMENT_RECORDS} records` })
  @ArrayMinSize(1, { message: 'must hold at least one record' })
  // Checked first (decorators apply bottom-up), and the pipe stops at a field's first error.
  @IsArray({ message: 'must be an array of assignment records' })
  records: AssignmentRecordDto[];
}

/** The import as the handler sees it: validated records, `effectiveAt` normalised to UTC. */
export class RecordAssignments {
  constructor(
    readonly records: AssignmentRecordDto[],
    readonly context: CommandContext,
  ) {}
}
