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
