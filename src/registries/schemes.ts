/**
 * The schemes ('Ordning'), defined once. Codes are English and stable; `label` is the
 * Danish display value of domain.md §3.
 */
export const SCHEMES = {
  'company-placement': { label: 'Virksomhedspraktik', abbreviation: 'VP', compensating: false },
  'public-benefit-work': { label: 'Nytteindsats', abbreviation: null, compensating: false },
  'wage-subsidy': { label: 'Løntilskud', abbreviation: 'LT', compensating: false },
  'adult-apprentice': { label: 'Voksenlærling', abbreviation: 'VL', compensating: false },
  'flex-job': { label: 'Fleksjob', abbreviation: null, compensating: false },
  'job-rotation': { label: 'Jobrotation', abbreviation: null, compensating: false },
  mentor: { label: 'Mentor', abbreviation: null, compensating: true },
  'assistive-aid': { label: 'Hjælpemiddel', abbreviation: null, compensating: true },
  'personal-assistant': { label: 'Personlig assistent', abbreviation: 'PA', compensating: true },
  igu: { label: 'IGU', abbreviation: null, compensating: false },
} as const satisfies Record<string, { label: string; abbreviation: string | null; compensating: boolean }>;

export type Scheme = keyof typeof SCHEMES;
export const SCHEME_CODES = Object.keys(SCHEMES) as Scheme[];

export function schemeLabel(scheme: Scheme): string {
  return SCHEMES[scheme].label;
}

/** D23: the employee-representative step applies to VP, LT and VL (when the P-unit has a representative). */
export const SCHEMES_WITH_EMPLOYEE_REP_STEP: readonly Scheme[] = ['company-placement', 'wage-subsidy', 'adult-apprentice'];

/** R47, D17: an AA's VP, LT and VL grants carry the 'AA' marking when the citizen is assigned to it. */
export const SCHEMES_WITH_AA_MARKING: readonly Scheme[] = ['company-placement', 'wage-subsidy', 'adult-apprentice'];

/** R26, D19: a PA grant is due for review ('Forlængelser') this many calendar months after its grant date. */
export const REVIEW_DUE_AFTER_MONTHS: Partial<Record<Scheme, number>> = { 'personal-assistant': 10 };
