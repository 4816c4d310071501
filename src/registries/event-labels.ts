/**
 * What happened, in Danish, for each event type: the case history (`GET /api/{type}/{id}/history`)
 * shows these labels. Exactly one entry per registered event type (src/event-types.ts); the type
 * below makes a missing or misspelt one a compile error, and `event-labels.spec.ts` checks the
 * registry against `createEventRegistry().types()` both ways.
 */
import type { AaAssignmentEvent } from '../aa-assignments/aa-assignment.events';
import type { ApplicationEvent } from '../cases/applications/application.events';
import type { GrantEvent } from '../cases/grants/grant.events';
import type { IguAgreementEvent } from '../cases/igu-agreements/igu-agreement.events';
import type { OfferEvent } from '../cases/offers/offer.events';
import type { AttachmentEvent } from '../cases/shared/attachment.events';
import type { SharedCaseEvent } from '../cases/shared/case.events';
import type { SupplementaryGrantEvent } from '../cases/supplementary-grants/supplementary-grant.events';

/** Every event type name of the system. */
export type EventTypeName = (
  | SharedCaseEvent
  | AttachmentEvent
  | ApplicationEvent
  | OfferEvent
  | IguAgreementEvent
  | SupplementaryGrantEvent
  | GrantEvent
  | AaAssignmentEvent
)['type'];

export const EVENT_LABELS: Readonly<Record<EventTypeName, string>> = {
  // Every case type (case.events.ts, attachment.events.ts)
  CaseTransferredToJobcentre: 'Sag overført til andet jobcenter',
  ResponsibleCaseworkerAssigned: 'Ansvarlig sagsbehandler sat',
  AttachmentAdded: 'Bilag tilføjet',
  ApprovalFileUploaded: 'Godkendt med bilag',
  // Applications ('Ansøgninger')
  ApplicationDraftCreated: 'Ansøgningskladde oprettet',
  DraftLinkEmailSent: 'Link til kladden sendt til virksomhed',
  DraftLinkEmailResent: 'Link til kladden sendt igen til virksomhed',
  ApplicationSignedByCompany: 'Ansøgning underskrevet af virksomhed',
  ApplicationSentToEmployeeRep: 'Ansøgning sendt til medarbejderrepræsentant',
  ApplicationSignedByEmployeeRep: 'Ansøgning underskrevet af medarbejderrepræsentant',
  ApplicationRejectedByEmployeeRep: 'Ansøgning afvist af medarbejderrepræsentant',
  ApplicationReceivedByJobcentre: 'Ansøgning modtaget af jobcenter',
  ApplicationApproved: 'Ansøgning godkendt',
  ApplicationRejected: 'Ansøgning afvist',
  // Offers ('Tilbud')
  OfferCreated: 'Tilbud oprettet',
  OfferSentToEmployeeRep: 'Tilbud sendt til medarbejderrepræsentant',
  OfferActivated: 'Tilbud aktivt',
  OfferApprovedByEmployeeRep: 'Tilbud godkendt af medarbejderrepræsentant',
  OfferRejectedByEmployeeRep: 'Tilbud afvist af medarbejderrepræsentant',
  OfferCancelledByCompany: 'Tilbud annulleret af virksomhed',
  // IGU agreements ('IGU-aftaler')
  IguAgreementDrafted: 'IGU-aftale oprettet',
  IguAgreementSentToCitizen: 'IGU-aftale sendt til borger',
  IguAgreementSignedByCitizen: 'IGU-aftale underskrevet af borger',
  // Supplementary grants ('Tillægsbevillinger')
  SupplementaryGrantDrafted: 'Tillægsbevilling udarbejdet',
  SupplementaryGrantSentForCompanyApproval: 'Tillægsbevilling sendt til godkendelse hos virksomhed',
  SupplementaryGrantApprovedByCompany: 'Tillægsbevilling godkendt af virksomhed',
  SupplementaryGrantNotApproved: 'Tillægsbevilling ikke godkendt',
  SupplementaryGrantWithdrawn: 'Tillægsbevilling trukket tilbage',
  SupplementaryGrantClosedUnused: 'Tillægsbevilling lukket (ej brugt)',
  // Grants ('Bevillinger')
  GrantDrafted: 'Bevilling udarbejdet',
  FleksjobRegistered: 'Fleksjob registreret',
  GrantCreatedOnOffer: 'Bevilling oprettet på tilbud',
  GrantSentForCompanyApproval: 'Bevilling sendt til godkendelse hos virksomhed',
  GrantApprovedByCompany: 'Bevilling godkendt af virksomhed',
  GrantApprovedByCitizen: 'Bevilling godkendt af borger',
  GrantNotApproved: 'Bevilling ikke godkendt',
  GrantWithdrawn: 'Bevilling trukket tilbage',
  GrantExtended: 'Bevilling forlænget',
  GrantReviewed: 'Revurdering registreret',
  GrantTerminated: 'Ophør registreret',
  GrantClosedAfterOrdinaryExpiry: 'Bevilling lukket efter ordinært udløb',
  GrantClosedUnused: 'Bevilling lukket (ej brugt)',
  // Assignments to an Anden Aktør (DFDG); not case events, labelled so the registry covers every type
  CitizenAssignedToOtherActor: 'Borger udlagt til Anden Aktør',
  CitizenUnassignedFromOtherActor: 'Udlægning til Anden Aktør ophørt',
};

/** The label of a type; a type this registry does not know (none, see the spec) shows as itself. */
export function eventLabel(type: string): string {
  return (EVENT_LABELS as Record<string, string>)[type] ?? type;
}
