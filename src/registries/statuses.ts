/**
 * Case statuses with their Danish display labels, one list per case type.
 * Labels marked ASSUMPTION in domain.md §3 are used as given there.
 */
export const APPLICATION_STATUSES = {
  draft: 'Kladde',
  'sent-to-employee-rep': 'Sendt til medarbejder-rep', // R9
  'rejected-by-employee-rep': 'Afvist af medarbejder-rep', // R9
  received: 'Modtaget',
  approved: 'Godkendt',
  rejected: 'Afvist',
} as const;

export type ApplicationStatus = keyof typeof APPLICATION_STATUSES;
export const APPLICATION_STATUS_CODES = Object.keys(APPLICATION_STATUSES) as ApplicationStatus[];

/** Grants and supplementary grants (domain.md §3.3, §3.4). */
export const GRANT_STATUSES = {
  drafted: 'Bevilling udarbejdet',
  'awaiting-company': 'Afventer godkendelse hos virksomhed',
  'awaiting-citizen': 'Afventer godkendelse hos borger', // PA (ASSUMPTION: company first, then citizen)
  active: 'Aktiv',
  'not-approved': 'Afvist',
  withdrawn: 'Trukket tilbage',
  terminated: 'Ophørt',
  closed: 'Lukket',
  /** R18, D7: never shown in lists, counts, filters or exports; kept in the history. */
  'closed-unused': 'Lukket bevilling (ej brugt)',
} as const;
export type GrantStatus = keyof typeof GRANT_STATUSES;
export const GRANT_STATUS_CODES = Object.keys(GRANT_STATUSES) as GrantStatus[];

/** Offers (domain.md §3.2); 'Annulleret af virksomhed' is a flag, not a status (D24). */
export const OFFER_STATUSES = {
  created: 'Oprettet',
  'sent-to-employee-rep': 'Sendt til medarbejder-rep', // R9
  'rejected-by-employee-rep': 'Afvist af medarbejder-rep', // R9
  active: 'Aktiv',
} as const;
export type OfferStatus = keyof typeof OFFER_STATUSES;
export const OFFER_STATUS_CODES = Object.keys(OFFER_STATUSES) as OfferStatus[];
export const OFFER_CANCELLED_BY_COMPANY_LABEL = 'Annulleret af virksomhed'; // R15

/** IGU agreements (domain.md §3.6, ASSUMPTION labels). */
export const IGU_AGREEMENT_STATUSES = {
  draft: 'Kladde',
  'awaiting-citizen': 'Afventer borger',
  signed: 'Underskrevet',
} as const;
export type IguAgreementStatus = keyof typeof IGU_AGREEMENT_STATUSES;
export const IGU_AGREEMENT_STATUS_CODES = Object.keys(IGU_AGREEMENT_STATUSES) as IguAgreementStatus[];
