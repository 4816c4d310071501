/**
 * Danish labels of the fields events set, as the case history shows them (`fields[].label`).
 * Keys are the data paths of the events, nested objects flattened with dots (`citizen.cpr`,
 * `period.start`); one entry per path that occurs in some event type's schema, checked by
 * `event-labels.spec.ts` both ways. A path means the same in every event that has it.
 */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  // Case ids
  caseId: 'Sag',
  applicationId: 'Ansøgning',
  offerId: 'Tilbud',
  grantId: 'Bevilling',
  parentGrantId: 'Hovedbevilling',
  supplementaryGrantId: 'Tillægsbevilling',
  iguAgreementId: 'IGU-aftale',
  // Parties
  jobcentre: 'Jobcenter',
  'company.cvr': 'CVR-nummer',
  'company.pNumber': 'P-nummer',
  companyCvr: 'Virksomhedens CVR-nummer',
  'citizen.cpr': 'Borgerens CPR-nummer',
  cpr: 'Borgerens CPR-nummer',
  aaId: 'Anden Aktør',
  from: 'Fra jobcenter',
  to: 'Til jobcenter',
  caseworkerId: 'Ansvarlig sagsbehandler',
  party: 'Part',
  by: 'Part',
  firstName: 'Fornavn',
  lastName: 'Efternavn',
  // Facts of the case
  scheme: 'Ordning',
  supplementaryGrantType: 'Type',
  onNationalList: 'På den nationale liste',
  employeeRepStepRequired: 'Medarbejderrepræsentant skal godkende',
  freeTextLimitApplies: 'Grænsen for fritekst gælder',
  'period.start': 'Periode fra',
  'period.end': 'Periode til',
  hoursPerWeek: 'Timetal',
  jobContent: 'Jobindhold',
  workTasks: 'Arbejdsopgaver',
  justification: 'Begrundelse',
  remarks: 'Bemærkninger',
  reason: 'Årsag',
  permanent: 'Varigt fleksjob',
  employedInOwnCompany: 'Ansat i egen virksomhed',
  method: 'Underskriftsmetode',
  previousEndDate: 'Tidligere slutdato',
  newEndDate: 'Ny slutdato',
  endDate: 'Slutdato',
  reasonId: 'Ophørsårsag (nummer)',
  subReasonId: 'Underårsag (nummer)',
  reasonText: 'Ophørsårsag',
  effectiveDate: 'Ophørsdato',
  effectiveAt: 'Gælder fra',
  source: 'Kilde',
  // Files
  'file.sha256': 'Filens SHA-256',
  'file.fileName': 'Filnavn',
  'file.size': 'Filstørrelse (bytes)',
  'file.contentType': 'Filtype',
  // Who and when
  createdAt: 'Oprettet',
  createdBy: 'Oprettet af',
  sentAt: 'Sendt',
  sentBy: 'Sendt af (part)',
  sentByUser: 'Sendt af (bruger)',
  activatedAt: 'Aktiveret',
  signedAt: 'Underskrevet',
  signedBy: 'Underskrevet af',
  approvedAt: 'Godkendt',
  approvedBy: 'Godkendt af',
  approvedDate: 'Godkendelsesdato',
  rejectedAt: 'Afvist',
  rejectedBy: 'Afvist af',
  rejectedDate: 'Afvisningsdato',
  receivedDate: 'Modtagelsesdato',
  cancelledAt: 'Annulleret',
  cancelledBy: 'Annulleret af',
  transferredAt: 'Overført',
  assignedAt: 'Sat',
  addedAt: 'Tilføjet',
  addedBy: 'Tilføjet af',
  uploadedAt: 'Uploadet',
  verifiedBy: 'Verificeret af (bruger)',
  verifiedByName: 'Verificeret af (navn)',
  actorId: 'Udført af (bruger)',
  at: 'Tidspunkt',
};

/** A field's label; a path the registry does not know (none, see the spec) shows as itself. */
export function fieldLabel(path: string): string {
  return FIELD_LABELS[path] ?? path;
}

/** The roles of the system in Danish, for who did what in a case's history. */
export const ROLE_LABELS = {
  jobcentre: 'Jobcenter',
  company: 'Virksomhed',
  citizen: 'Borger',
  'employee-representative': 'Medarbejderrepræsentant',
  'anden-aktoer': 'Anden Aktør',
  'company-support': 'Virksomhedssupport',
  auditor: 'Revisor',
  'case-system': 'Fagsystem',
} as const;
