/**
 * Display values the search lists show that belong to no case-type registry: the case type
 * ('Sagstype'), the AA masking texts (R12) and the 'AA' marking (R47, D17).
 */
export const CASE_TYPE_LABELS = {
  application: 'Ansøgning',
  offer: 'Tilbud',
  grant: 'Bevilling',
  'supplementary-grant': 'Tillægsbevilling',
  'igu-agreement': 'IGU-aftale',
} as const;

/** R12: what an AA sees instead of the CPR number and name of a citizen not assigned ('udlagt') to it. */
export const AA_MASKING = {
  cpr: 'Er ikke udlagt til Anden Aktør',
  name: 'Persondata er fjernet',
} as const;

/** R47, D17: the marking on an AA's VP, LT and VL grants whose citizen is assigned to it. */
export const AA_MARKING_LABEL = 'AA';

/** A spreadsheet's mark for a set flag, e.g. 'Annulleret af virksomhed' (R15). */
export const FLAG_SET_LABEL = 'Ja';
