import { ApprovalFileUploaded, FileRef } from './attachment.events';

const danishDateTime = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'short', timeStyle: 'short' });
const PARTY_LABEL = { company: 'Virksomhed', citizen: 'Borger' } as const;

/** A file reference with its download link under the case. */
export function withDownloadLink(caseLink: string, file: FileRef) {
  return { ...file, links: { download: `${caseLink}/attachments/${file.sha256}` } };
}

/**
 * R53/R57: 'Underskrevet af' after 'Godkend med bilag', and the details behind the
 * 'Underskrevet med fil' link ('Fornavn', 'Efternavn', 'Dato for underskrift' = upload date).
 */
export function signedWithFileView(caseLink: string, upload: ApprovalFileUploaded['data']) {
  const verifier = upload.verifiedByName ?? upload.verifiedBy;
  return {
    party: upload.party,
    text: `${PARTY_LABEL[upload.party]} Underskrevet med fil og verificeret af ${verifier} (${danishDateTime.format(new Date(upload.uploadedAt))})`,
    firstName: upload.firstName,
    lastName: upload.lastName,
    signatureDate: upload.uploadedAt,
    verifiedBy: upload.verifiedBy,
    file: withDownloadLink(caseLink, upload.file),
  };
}
