/** How a company person signs (R36, R37, D14). MitID Erhverv sits behind a feature flag. */
export const SIGNING_METHODS = {
  'nemid-employee-signature': { label: 'NemID medarbejdersignatur', featureFlag: null },
  'mitid-business': { label: 'MitID Erhverv', featureFlag: 'mitidErhverv' },
} as const;

export type SigningMethod = keyof typeof SIGNING_METHODS;
export const SIGNING_METHOD_CODES = Object.keys(SIGNING_METHODS) as SigningMethod[];
