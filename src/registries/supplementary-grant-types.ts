/** 'Tillægsbevilling' types (R11, R17); the filter shows the plural 'Hjælpemidler'. */
export const SUPPLEMENTARY_GRANT_TYPES = {
  mentor: { label: 'Mentor' },
  'assistive-aids': { label: 'Hjælpemidler' },
} as const;
export type SupplementaryGrantType = keyof typeof SUPPLEMENTARY_GRANT_TYPES;
export const SUPPLEMENTARY_GRANT_TYPE_CODES = Object.keys(SUPPLEMENTARY_GRANT_TYPES) as SupplementaryGrantType[];
