import { EventStore1764000000000 } from './1764000000000-event-store';
import { PlatformTables1764000000001 } from './1764000000001-platform-tables';
import { ReferenceData1764000000002 } from './1764000000002-reference-data';
import { Blobs1764000000003 } from './1764000000003-blobs';
import { DfdgPush1764000000004 } from './1764000000004-dfdg-push';
import { DropCitizenAssignedAa1764000000005 } from './1764000000005-drop-citizen-assigned-aa';
import { ExportJobs1764000000006 } from './1764000000006-export-jobs';
import { CitizenNameSearch1764000000007 } from './1764000000007-citizen-name-search';
import { ProjectionDefinitionChanges1764000000010 } from './1764000000010-projection-definition-changes';
import { BlobChunks1764000000013 } from './1764000000013-blob-chunks';
import { IdempotencyClaimOwner1764000000014 } from './1764000000014-idempotency-claim-owner';

/** Every migration, in order. Projection tables are not here: the runner owns them (README). */
export const MIGRATIONS = [EventStore1764000000000, PlatformTables1764000000001, ReferenceData1764000000002, Blobs1764000000003, DfdgPush1764000000004, DropCitizenAssignedAa1764000000005, ExportJobs1764000000006, CitizenNameSearch1764000000007, ProjectionDefinitionChanges1764000000010, BlobChunks1764000000013, IdempotencyClaimOwner1764000000014];
