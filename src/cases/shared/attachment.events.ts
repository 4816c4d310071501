import { DomainEvent } from '../../platform/events/decider';
import { EventTypeDefinition } from '../../platform/events/event-registry';
import { ATTACHMENT_EVENT_SCHEMAS } from './attachment.event-schemas';

/** A stored file a case refers to (the bytes live in the blob store under their SHA-256). */
export interface FileRef {
  sha256: string;
  fileName: string;
  size: number;
  contentType: string;
}

/** R46: an attachment of any size up to the configured maximum, returned byte-identical. */
export type AttachmentAdded = DomainEvent<'AttachmentAdded', { caseId: string; file: FileRef; addedAt: string; addedBy: string }>;

/**
 * R49–R53, R56–R57: 'Godkend med bilag': company support uploads the company's (or, for PA, the
 * citizen's) approval; the uploader is recorded as the verifier; the file cannot be deleted.
 */
export type ApprovalFileUploaded = DomainEvent<
  'ApprovalFileUploaded',
  { caseId: string; party: 'company' | 'citizen'; firstName: string; lastName: string; uploadedAt: string; verifiedBy: string; verifiedByName: string | null; file: FileRef }
>;

export type AttachmentEvent = AttachmentAdded | ApprovalFileUploaded;
export const ATTACHMENT_EVENT_TYPES: readonly AttachmentEvent['type'][] = ['AttachmentAdded', 'ApprovalFileUploaded'];
export const ATTACHMENT_EVENTS: EventTypeDefinition[] = ATTACHMENT_EVENT_TYPES.map((type) => ({ type, schemaVersion: 1, schema: ATTACHMENT_EVENT_SCHEMAS[type] }));
