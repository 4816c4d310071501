/** The JSON Schemas of the attachment events (issue 10), checked by `tsc` against attachment.events.ts. */
import { EventSchemas, id, instant, orNull, text } from '../../platform/events/event-schema';
import type { AttachmentEvent } from './attachment.events';

/** A stored file: its SHA-256 (the blob's address), name, size in bytes and checked content type. */
const fileRef = () => ({
  type: 'object' as const,
  required: ['sha256' as const, 'fileName' as const, 'size' as const, 'contentType' as const],
  additionalProperties: false as const,
  properties: {
    sha256: id.sha256(),
    fileName: { type: 'string' as const, minLength: 1 },
    size: { type: 'integer' as const, minimum: 0 },
    contentType: { type: 'string' as const, minLength: 1 },
  },
});

export const ATTACHMENT_EVENT_SCHEMAS: EventSchemas<AttachmentEvent> = {
  AttachmentAdded: {
    type: 'object',
    required: ['caseId', 'file', 'addedAt', 'addedBy'],
    additionalProperties: false,
    properties: { caseId: id.uuid(), file: fileRef(), addedAt: instant(), addedBy: id.user() },
  },
  ApprovalFileUploaded: {
    type: 'object',
    required: ['caseId', 'party', 'firstName', 'lastName', 'uploadedAt', 'verifiedBy', 'verifiedByName', 'file'],
    additionalProperties: false,
    properties: {
      caseId: id.uuid(),
      party: { type: 'string', enum: ['company', 'citizen'] },
      firstName: text(),
      lastName: text(),
      uploadedAt: instant(),
      verifiedBy: id.user(),
      verifiedByName: orNull(text()),
      file: fileRef(),
    },
  },
};
