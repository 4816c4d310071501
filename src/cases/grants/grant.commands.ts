/**
 * The grant's commands (domain.md §3.3). Time, ids, configuration and facts looked up from
 * other cases arrive on the command; the decider never reads them itself.
 */
import { Scheme } from '../../registries/schemes';
import { SigningMethod } from '../../registries/signing-methods';
import { Actor } from '../shared/actor';
import { FollowParentTransfer } from '../shared/follow-parent-transfer';
import { FileRef } from '../shared/attachment.events';

export type { Actor };

/** The approved application a grant is made on (§3.1 'Godkendt' → grant), read from its stream by the handler. */
export interface ApplicationFacts {
  applicationId: string;
  status: string | null;
  jobcentre: string;
  scheme: Scheme;
  companyCvr: string;
  citizenCpr: string;
}

/** The offer a grant is made on (§3.2, R44), folded from the offer's stream by the handler. */
export interface OfferFacts {
  offerId: string;
  scheme: Scheme;
  onNationalList: boolean;
  jobcentre: string;
  companyCvr: string;
  /** 'Aktiv': approved by the representative, or active at once without that step. */
  active: boolean;
  /** D24: 'Annulleret af virksomhed'. */
  cancelled: boolean;
}

export interface FleksjobFacts {
  permanent: boolean;
  employedInOwnCompany: boolean;
}

interface Acting {
  actor: Actor;
  now: Date;
}

export interface DraftGrant extends Acting {
  type: 'DraftGrant';
  grantId: string;
  scheme: Scheme;
  jobcentre: string;
  company: { cvr: string; pNumber: string };
  citizen: { cpr: string };
  period: { start: string; end: string };
  hoursPerWeek: number | null;
  jobContent: string | null;
  fleksjob: FleksjobFacts | null;
  /** R27/D18: configuration; compared with `now` to record whether the limit applies. */
  freeTextLimitEffectiveDate: Date;
  application: ApplicationFacts | null;
  offer: OfferFacts | null;
}

export type GrantCommand =
  | DraftGrant
  | ({ type: 'SendGrantForCompanyApproval' } & Acting)
  | ({ type: 'ApproveGrantAsCompany'; method: SigningMethod; mitidBusinessEnabled: boolean } & Acting)
  | ({ type: 'ApproveGrantAsCitizen'; method: 'mitid' } & Acting)
  /** R56/R57: 'Godkend med bilag' by company support, for the company or (PA) the citizen. */
  | ({ type: 'ApproveGrantWithFile'; party: 'company' | 'citizen'; file: FileRef; firstName: string; lastName: string; confirmed: boolean; verifierName: string | null } & Acting)
  | ({ type: 'RefuseGrant'; reason: string | null } & Acting)
  | ({ type: 'WithdrawGrant'; reason: string | null } & Acting)
  | ({ type: 'ExtendGrant'; newEndDate: string; jobContent: string | null } & Acting)
  | ({ type: 'ReviewGrant'; remarks: string | null } & Acting)
  | ({ type: 'TerminateGrant'; reasonId: number; subReasonId: number | null; effectiveDate: string } & Acting)
  | ({ type: 'CloseGrantAfterOrdinaryExpiry' } & Acting)
  | ({ type: 'CloseUnusedGrant' } & Acting)
  | ({ type: 'TransferGrant'; toJobcentre: string } & Acting)
  /** D22: issued by the follow-application-transfer process (the parent is the application), never over HTTP. */
  | FollowParentTransfer
  | ({ type: 'AssignResponsibleCaseworker'; caseworkerId: string } & Acting);
