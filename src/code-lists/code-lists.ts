/**
 * Issue 13 item 3: the code lists frontends need to show and pick codes, built from the
 * registries at start-up (never copied strings), so a list cannot drift from what the
 * deciders accept and the projections label.
 */
import { SupplementaryGrantStatus } from '../cases/supplementary-grants/supplementary-grant.decider';
import { AppConfig } from '../platform/config/config';
import { cessationReasonsAreAssumed, cessationReasonsFor } from '../registries/cessation-reasons';
import { DFDG_CODES, DfdgCode, dfdgText } from '../registries/dfdg-codes';
import { SCHEME_CODES, SCHEMES, Scheme, schemeLabel } from '../registries/schemes';
import { CASE_TYPE_LABELS } from '../registries/search-display';
import { SIGNING_METHOD_CODES, SIGNING_METHODS, SigningMethod } from '../registries/signing-methods';
import { APPLICATION_STATUSES, GRANT_STATUSES, GRANT_STATUS_CODES, GrantStatus, IGU_AGREEMENT_STATUSES, OFFER_STATUSES } from '../registries/statuses';
import { SUPPLEMENTARY_GRANT_TYPE_CODES, SUPPLEMENTARY_GRANT_TYPES, SupplementaryGrantType } from '../registries/supplementary-grant-types';

export const CODE_LIST_NAMES = ['schemes', 'statuses', 'cessation-reasons', 'dfdg-cessation-codes', 'supplementary-grant-types', 'signing-methods'] as const;
export type CodeListName = (typeof CODE_LIST_NAMES)[number];

export type CaseType = keyof typeof CASE_TYPE_LABELS;

export interface SchemeEntry {
  code: Scheme;
  label: string;
  abbreviation: string | null;
  /** A compensating scheme ('kompenserende ordning'): mentor, assistive aid, personal assistant. */
  compensating: boolean;
}

export interface StatusEntry {
  code: string;
  label: string;
  /** False for a status no list, count, filter or export shows (R18, D7: 'closed-unused'); it still appears in a case's history. */
  listed: boolean;
}

export interface CaseTypeStatuses {
  caseType: CaseType;
  caseTypeLabel: string;
  statuses: StatusEntry[];
}

export interface DfdgMapping {
  /** The DFDG cessation code the reason is sent as; null: never mapped (R39, D1), the message carries the VITAS reason. */
  dfdgCode: DfdgCode | null;
  dfdgLabel: string | null;
}

export interface SubReasonEntry extends DfdgMapping {
  id: number;
  label: string;
}

export interface CessationReasonEntry extends DfdgMapping {
  id: number;
  label: string;
  /** Registering this reason needs one of its sub-reasons ('undervalg'). */
  requiresSubReason: boolean;
  subReasons: SubReasonEntry[];
}

export interface SchemeCessationReasons {
  scheme: Scheme;
  schemeLabel: string;
  /** D1: the source lists reasons for VP, LT and VL only; this scheme's are an assumption to confirm with STAR. */
  assumption: boolean;
  reasons: CessationReasonEntry[];
}

export interface DfdgCessationCodeEntry {
  code: DfdgCode;
  label: string;
  /** False for 14 and 15: set by the rules (R41, R42), never picked by a caseworker (R43). */
  selectableByCaseworker: boolean;
}

export interface SupplementaryGrantTypeEntry {
  code: SupplementaryGrantType;
  label: string;
}

export interface SigningMethodEntry {
  code: SigningMethod;
  label: string;
  featureFlag: string | null;
  /** Whether this installation accepts the method now (R37, D14: MitID Erhverv behind FEATURE_MITID_ERHVERV). */
  enabled: boolean;
}

export interface CodeListItems {
  schemes: SchemeEntry;
  statuses: CaseTypeStatuses;
  'cessation-reasons': SchemeCessationReasons;
  'dfdg-cessation-codes': DfdgCessationCodeEntry;
  'supplementary-grant-types': SupplementaryGrantTypeEntry;
  'signing-methods': SigningMethodEntry;
}

export interface CodeListLinks {
  self: string;
}

export interface CodeListSummary {
  name: CodeListName;
  description: string;
  links: CodeListLinks;
}

export interface CodeList<N extends CodeListName = CodeListName> extends CodeListSummary {
  name: N;
  items: CodeListItems[N][];
}

/**
 * The decider's SupplementaryGrantStatus as values (a type has none). `satisfies` refuses a code
 * the decider lacks; SUPPLEMENTARY_GRANT_STATUSES_COMPLETE refuses to compile if one is missing.
 */
const SUPPLEMENTARY_GRANT_STATUS_CODES = ['drafted', 'awaiting-company', 'active', 'not-approved', 'withdrawn', 'closed-unused'] as const satisfies readonly SupplementaryGrantStatus[];
const SUPPLEMENTARY_GRANT_STATUSES_COMPLETE: [Exclude<SupplementaryGrantStatus, (typeof SUPPLEMENTARY_GRANT_STATUS_CODES)[number]>] extends [never] ? true : never = true;
void SUPPLEMENTARY_GRANT_STATUSES_COMPLETE;

/** Every case type's statuses, in registry order; the Record type makes a new case type a compile error here. */
const STATUSES_OF: Record<CaseType, Readonly<Record<string, string>>> = {
  application: APPLICATION_STATUSES,
  offer: OFFER_STATUSES,
  grant: GRANT_STATUSES,
  'supplementary-grant': Object.fromEntries(
    GRANT_STATUS_CODES.filter((s) => (SUPPLEMENTARY_GRANT_STATUS_CODES as readonly GrantStatus[]).includes(s)).map((s) => [s, GRANT_STATUSES[s]]),
  ),
  'igu-agreement': IGU_AGREEMENT_STATUSES,
};

/** R18, D7: never listed, counted, filtered on or exported (as the search lists leave it out). */
const UNLISTED_STATUSES: readonly string[] = ['closed-unused' satisfies GrantStatus];

const dfdgMapping = (code: DfdgCode | null): DfdgMapping => ({ dfdgCode: code, dfdgLabel: code === null ? null : dfdgText(code) });

/** A scheme's reasons in the registry's (source) order, each with the sub-reasons keyed under it (D1). */
function cessationReasonsOf(scheme: Scheme): SchemeCessationReasons {
  const all = cessationReasonsFor(scheme);
  const reasons = all
    .filter((r) => r.subReasonId === null)
    .map((r) => ({
      id: r.reasonId,
      label: r.text,
      requiresSubReason: r.requiresSubReason ?? false,
      ...dfdgMapping(r.dfdgCode),
      subReasons: all.flatMap((s) => (s.reasonId === r.reasonId && s.subReasonId !== null ? [{ id: s.subReasonId, label: s.text, ...dfdgMapping(s.dfdgCode) }] : [])),
    }));
  return { scheme, schemeLabel: schemeLabel(scheme), assumption: cessationReasonsAreAssumed(scheme), reasons };
}

type Builders = { [N in CodeListName]: { description: string; items: (features: AppConfig['features']) => CodeListItems[N][] } };

const BUILDERS: Builders = {
  schemes: {
    description: "The schemes ('Ordning'): code, Danish label, abbreviation, and whether the scheme is compensating",
    items: () => SCHEME_CODES.map((code) => ({ code, label: SCHEMES[code].label, abbreviation: SCHEMES[code].abbreviation, compensating: SCHEMES[code].compensating })),
  },
  statuses: {
    description: "The statuses of each case type, with Danish labels; `listed: false` marks 'closed-unused', which no list shows (R18, D7)",
    items: () =>
      (Object.keys(STATUSES_OF) as CaseType[]).map((caseType) => ({
        caseType,
        caseTypeLabel: CASE_TYPE_LABELS[caseType],
        statuses: Object.entries(STATUSES_OF[caseType]).map(([code, label]) => ({ code, label, listed: !UNLISTED_STATUSES.includes(code) })),
      })),
  },
  'cessation-reasons': {
    description: "The VITAS cessation reasons ('ophørsårsager') of each scheme, with their sub-reasons and the DFDG cessation code each is sent as (null: none, R39)",
    items: () => SCHEME_CODES.map(cessationReasonsOf),
  },
  'dfdg-cessation-codes': {
    description: 'The DFDG cessation codes; 14 and 15 are set by the rules (R41, R42), never picked by a caseworker (R43)',
    items: () => (Object.keys(DFDG_CODES).map(Number) as DfdgCode[]).map((code) => ({ code, label: DFDG_CODES[code].text, selectableByCaseworker: DFDG_CODES[code].selectableByCaseworker })),
  },
  'supplementary-grant-types': {
    description: "The supplementary grant ('Tillægsbevilling') types",
    items: () => SUPPLEMENTARY_GRANT_TYPE_CODES.map((code) => ({ code, label: SUPPLEMENTARY_GRANT_TYPES[code].label })),
  },
  'signing-methods': {
    description: "How a company person signs (R36, R37), and whether this installation accepts each now",
    items: (features) =>
      SIGNING_METHOD_CODES.map((code) => {
        const { label, featureFlag } = SIGNING_METHODS[code];
        return { code, label, featureFlag, enabled: featureFlag === null || features[featureFlag] };
      }),
  },
};

export const codeListLink = (name: CodeListName): string => `/api/code-lists/${name}`;

export function isCodeListName(name: string): name is CodeListName {
  return (CODE_LIST_NAMES as readonly string[]).includes(name);
}

export function codeListIndex(): CodeListSummary[] {
  return CODE_LIST_NAMES.map((name) => ({ name, description: BUILDERS[name].description, links: { self: codeListLink(name) } }));
}

export function buildCodeList<N extends CodeListName>(name: N, features: AppConfig['features']): CodeList<N> {
  const { description, items } = BUILDERS[name];
  return { name, description, items: items(features), links: { self: codeListLink(name) } };
}
