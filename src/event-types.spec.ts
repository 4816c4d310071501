/**
 * Issue 10: events are checked where they are stored. Every registered event type has a compiled
 * schema; a realistic event of every type passes (a schema stricter than its deciders would turn
 * valid commands into 500s); and malformed data of the usual kinds is refused with a path.
 */
import { randomUUID } from 'node:crypto';
import { AaAssignmentEvent } from './aa-assignments/aa-assignment.events';
import { ApplicationEvent } from './cases/applications/application.events';
import { GrantEvent } from './cases/grants/grant.events';
import { IguAgreementEvent } from './cases/igu-agreements/igu-agreement.events';
import { OfferEvent } from './cases/offers/offer.events';
import { SupplementaryGrantEvent } from './cases/supplementary-grants/supplementary-grant.events';
import { createEventRegistry, EVENT_TYPE_DEFINITIONS } from './event-types';
import { NewEvent } from './platform/event-store/event-store.port';
import { EventMetadata } from './platform/events/event-metadata';
import { EventRegistry } from './platform/events/event-registry';
import { SchemaProblem, UUID_SOURCE } from './platform/events/event-schema';
import { UUID_PATTERN, uuidv7 } from './platform/events/uuidv7';

type AnyEvent = ApplicationEvent | OfferEvent | IguAgreementEvent | SupplementaryGrantEvent | GrantEvent | AaAssignmentEvent;
type AllData = { [E in AnyEvent as E['type']]: E['data'] };

const AT = '2026-03-02T09:15:00.000Z';
const CASE_ID = '0195a3c0-1c2d-7e3f-8a4b-5c6d7e8f9a0b';
const OTHER_ID = '0195a3c0-1c2d-7e3f-8a4b-5c6d7e8f9a0c';
const COMPANY = { cvr: '12345678', pNumber: '1000000001' };
const CITIZEN = { cpr: '0101901234' };
const FILE = { sha256: 'a'.repeat(64), fileName: 'godkendelse.pdf', size: 48_213, contentType: 'application/pdf' };

/** One event of every type, as its decider writes it (the compiler insists on every type). */
const VALID: AllData = {
  CaseTransferredToJobcentre: { caseId: CASE_ID, from: '101', to: '147', transferredAt: AT },
  ResponsibleCaseworkerAssigned: { caseId: CASE_ID, caseworkerId: 'cw-jens-hansen', assignedAt: AT },
  AttachmentAdded: { caseId: CASE_ID, file: FILE, addedAt: AT, addedBy: 'cw-1' },
  ApprovalFileUploaded: { caseId: CASE_ID, party: 'company', firstName: 'Jens', lastName: 'Hansen', uploadedAt: AT, verifiedBy: 'support-1', verifiedByName: null, file: FILE },
  ApplicationDraftCreated: { applicationId: CASE_ID, scheme: 'wage-subsidy', jobcentre: '101', company: COMPANY, citizen: CITIZEN, employeeRepStepRequired: true, createdAt: AT },
  DraftLinkEmailSent: { applicationId: CASE_ID, companyCvr: '12345678', sentAt: AT },
  DraftLinkEmailResent: { applicationId: CASE_ID, companyCvr: '12345678', sentAt: AT },
  ApplicationSignedByCompany: { applicationId: CASE_ID, signedAt: AT, method: 'mitid-business', signedBy: 'company-user-1' },
  ApplicationSentToEmployeeRep: { applicationId: CASE_ID, sentAt: AT },
  ApplicationSignedByEmployeeRep: { applicationId: CASE_ID, signedAt: AT, signedBy: 'rep-1' },
  ApplicationRejectedByEmployeeRep: { applicationId: CASE_ID, rejectedAt: AT, rejectedBy: 'rep-1', reason: 'Ingen ledig plads' },
  ApplicationReceivedByJobcentre: { applicationId: CASE_ID, receivedDate: '2026-03-02' },
  ApplicationApproved: { applicationId: CASE_ID, approvedDate: '2026-03-02', approvedBy: 'cw-1' },
  ApplicationRejected: { applicationId: CASE_ID, rejectedDate: '2026-03-02', rejectedBy: 'cw-1', reason: '' },
  OfferCreated: {
    offerId: CASE_ID, scheme: 'company-placement', onNationalList: true, jobcentre: '101', company: COMPANY, hoursPerWeek: 37.5, workTasks: 'Montage',
    employeeRepStepRequired: false, freeTextLimitApplies: true, createdAt: AT,
  },
  OfferSentToEmployeeRep: { offerId: CASE_ID, sentAt: AT },
  OfferActivated: { offerId: CASE_ID, activatedAt: AT },
  OfferApprovedByEmployeeRep: { offerId: CASE_ID, approvedAt: AT, approvedBy: 'rep-1' },
  OfferRejectedByEmployeeRep: { offerId: CASE_ID, rejectedAt: AT, rejectedBy: 'rep-1', reason: 'Nej' },
  OfferCancelledByCompany: { offerId: CASE_ID, cancelledAt: AT, cancelledBy: 'company-user-1' },
  IguAgreementDrafted: { iguAgreementId: CASE_ID, jobcentre: '101', company: COMPANY, citizen: CITIZEN, createdBy: 'company', createdAt: AT },
  IguAgreementSentToCitizen: { iguAgreementId: CASE_ID, sentAt: AT, sentBy: 'jobcentre', sentByUser: 'cw-1' },
  IguAgreementSignedByCitizen: { iguAgreementId: CASE_ID, signedAt: AT, method: 'mitid' },
  SupplementaryGrantDrafted: {
    supplementaryGrantId: CASE_ID, parentGrantId: OTHER_ID, supplementaryGrantType: 'assistive-aids', scheme: 'public-benefit-work', jobcentre: '101', company: COMPANY,
    citizen: CITIZEN, justification: 'Behov for hjælpemiddel', remarks: null, freeTextLimitApplies: false, createdAt: AT,
  },
  SupplementaryGrantSentForCompanyApproval: { supplementaryGrantId: CASE_ID, sentAt: AT },
  SupplementaryGrantApprovedByCompany: { supplementaryGrantId: CASE_ID, method: 'nemid-employee-signature', approvedAt: AT, approvedBy: 'company-user-1' },
  SupplementaryGrantNotApproved: { supplementaryGrantId: CASE_ID, by: 'company', at: AT, actorId: 'company-user-1', reason: null },
  SupplementaryGrantWithdrawn: { supplementaryGrantId: CASE_ID, by: 'jobcentre', at: AT, actorId: 'cw-1', reason: 'Fejl' },
  SupplementaryGrantClosedUnused: { supplementaryGrantId: CASE_ID, at: AT },
  GrantDrafted: {
    grantId: CASE_ID, scheme: 'personal-assistant', jobcentre: '101', company: COMPANY, citizen: CITIZEN, applicationId: null, offerId: OTHER_ID,
    period: { start: '2026-03-02', end: '2027-02-28' }, hoursPerWeek: null, jobContent: null, freeTextLimitApplies: true, createdAt: AT,
  },
  FleksjobRegistered: { grantId: CASE_ID, permanent: false, employedInOwnCompany: true, hoursPerWeek: 15 },
  GrantCreatedOnOffer: { grantId: CASE_ID, offerId: OTHER_ID },
  GrantSentForCompanyApproval: { grantId: CASE_ID, sentAt: AT },
  GrantApprovedByCompany: { grantId: CASE_ID, method: 'uploaded-file', approvedAt: AT, approvedBy: 'Jens Hansen' },
  GrantApprovedByCitizen: { grantId: CASE_ID, method: 'mitid', approvedAt: AT, approvedBy: 'citizen-1' },
  GrantNotApproved: { grantId: CASE_ID, by: 'citizen', at: AT, actorId: 'citizen-1', reason: null },
  GrantWithdrawn: { grantId: CASE_ID, by: 'jobcentre', at: AT, actorId: 'cw-1', reason: 'Borgeren er flyttet' },
  GrantExtended: { grantId: CASE_ID, previousEndDate: '2027-02-28', newEndDate: '2028-02-29', jobContent: 'Lager', at: AT },
  GrantReviewed: { grantId: CASE_ID, at: AT, remarks: null },
  GrantTerminated: { grantId: CASE_ID, scheme: 'wage-subsidy', reasonId: 2, subReasonId: 10, reasonText: 'Borgeren har opsagt sin ansættelse', effectiveDate: '2026-06-30', at: AT },
  GrantClosedAfterOrdinaryExpiry: { grantId: CASE_ID, endDate: '2027-02-28', at: AT },
  GrantClosedUnused: { grantId: CASE_ID, at: AT },
  CitizenAssignedToOtherActor: { jobcentre: '101', cpr: '0101901234', aaId: 'aa-1', effectiveAt: AT, source: 'dfdg' },
  CitizenUnassignedFromOtherActor: { jobcentre: '101', cpr: '0101901234', aaId: 'aa.firma_2', effectiveAt: '2026-03-02T10:15:00+01:00', source: 'dfdg' },
};

function appended(registry: EventRegistry, type: string, data: unknown, meta: Partial<EventMetadata> = {}): NewEvent {
  const id = uuidv7();
  const metadata: EventMetadata = {
    eventId: id, correlationId: uuidv7(), causationId: uuidv7(), principal: { role: 'jobcentre', userId: 'cw-1', org: '101' }, occurredAt: AT,
    schemaVersion: registry.has(type) ? registry.schemaVersion(type) : 1, ...meta,
  };
  return { id, type, data: data as Record<string, unknown>, metadata };
}

describe('event schemas (issue 10: events are checked where they are stored)', () => {
  const registry = createEventRegistry();
  const problems = (type: string, data: unknown): SchemaProblem[] => registry.dataProblems(type, data);
  const paths = (type: string, data: unknown) => problems(type, data).map((p) => p.instancePath);

  it('every registered event type has a compiled schema, and every type of every case has a valid example', () => {
    const types = registry.types();
    expect(EVENT_TYPE_DEFINITIONS.filter((d) => typeof d.schema !== 'object' || d.schema === null).map((d) => d.type)).toEqual([]);
    expect(types).toEqual(EVENT_TYPE_DEFINITIONS.map((d) => d.type));
    expect([...types].sort()).toEqual(Object.keys(VALID).sort());
    for (const type of types) expect({ type, problems: problems(type, VALID[type as keyof AllData]) }).toEqual({ type, problems: [] });
  });

  it('a type without a schema, or with one that leaves a property optional or the object open, is refused at startup', () => {
    const bare = { type: 'Bare', schemaVersion: 1 } as unknown as Parameters<EventRegistry['register']>[0];
    expect(() => new EventRegistry().register(bare)).toThrow('Event type Bare has no schema');
    const optional = { type: 'object', required: [], additionalProperties: false, properties: { x: { type: 'string' } } };
    expect(() => new EventRegistry().register({ type: 'Loose', schemaVersion: 1, schema: optional })).toThrow('/x is not required');
    const open = { type: 'object', required: ['x'], properties: { x: { type: 'string' } } };
    expect(() => new EventRegistry().register({ type: 'Open', schemaVersion: 1, schema: open })).toThrow('must be closed');
    const nested = { type: 'object', required: ['x'], additionalProperties: false, properties: { x: { type: 'object', required: [], properties: {} } } };
    expect(() => new EventRegistry().register({ type: 'Nested', schemaVersion: 1, schema: nested })).toThrow('/x must be closed');
    expect(() => new EventRegistry().register({ type: 'Typo', schemaVersion: 1, schema: { type: 'object', required: [], additionalProperties: false, properties: {}, minProperty: 1 } })).toThrow(
      'Event type Typo has an unusable schema: strict mode: unknown keyword: "minProperty"',
    );
  });

  it('writes ids with the same UUID pattern as the HTTP boundary (which is case-insensitive)', () => {
    const ids = [uuidv7(), randomUUID(), randomUUID().toUpperCase(), '0195A3C0-1c2d-7e3f-8a4b-5c6d7e8f9a0b', 'not-a-uuid', `${uuidv7()}0`, ` ${uuidv7()}`, 'g-1', ''];
    for (const value of ids) expect({ value, schema: new RegExp(UUID_SOURCE).test(value) }).toEqual({ value, schema: UUID_PATTERN.test(value) });
  });

  it('refuses the IguAgreementDrafted of the bug report: citizen [] or {} has no cpr', () => {
    const drafted = VALID.IguAgreementDrafted;
    expect(problems('IguAgreementDrafted', { ...drafted, citizen: [] })).toEqual([{ instancePath: '/citizen', message: 'must be object' }]);
    expect(problems('IguAgreementDrafted', { ...drafted, citizen: {} })).toEqual([{ instancePath: '/citizen', message: "must have required property 'cpr'" }]);
  });

  const cases: [type: keyof AllData, object: string, patterned: string, bad: string][] = [
    ['IguAgreementDrafted', 'company', 'jobcentre', '10101'],
    ['ApplicationDraftCreated', 'citizen', 'applicationId', 'not-a-uuid'],
    ['GrantDrafted', 'period', 'createdAt', '2026-03-02 09:15:00'],
    ['SupplementaryGrantDrafted', 'company', 'parentGrantId', `${CASE_ID}x`],
    ['OfferCreated', 'company', 'jobcentre', ''],
    ['AttachmentAdded', 'file', 'caseId', 'case-1'],
    ['CitizenAssignedToOtherActor', 'cpr', 'cpr', '010190123'],
  ];

  describe.each(cases)('%s', (type, object, patterned, bad) => {
    const valid = VALID[type] as Record<string, unknown>;
    const firstRequired = Object.keys(valid)[0];

    it('passes as its decider writes it', () => expect(problems(type, valid)).toEqual([]));

    it('is refused without a required field', () => {
      const { [firstRequired]: _left, ...without } = valid;
      expect(problems(type, without)).toEqual([{ instancePath: '', message: `must have required property '${firstRequired}'` }]);
    });

    it(`is refused with [] where ${object} is expected`, () => expect(paths(type, { ...valid, [object]: [] })).toEqual([`/${object}`]));

    it(`is refused with {} as ${object}`, () => expect(paths(type, { ...valid, [object]: {} })).toEqual([`/${object}`]));

    it('is refused with an extra field', () => {
      expect(problems(type, { ...valid, name: 'Søren Ærø' })).toEqual([{ instancePath: '', message: "must NOT have additional property 'name'" }]);
    });

    it(`is refused with ${patterned} of the wrong shape`, () => expect(paths(type, { ...valid, [patterned]: bad })).toEqual([`/${patterned}`]));
  });

  it('identifiers keep their patterns in nested objects, and a property is null only where its type says so', () => {
    expect(paths('IguAgreementDrafted', { ...VALID.IguAgreementDrafted, company: { cvr: '1234567', pNumber: '1000000001' } })).toEqual(['/company/cvr']);
    expect(paths('IguAgreementDrafted', { ...VALID.IguAgreementDrafted, company: { cvr: '12345678', pNumber: '100000000' } })).toEqual(['/company/pNumber']);
    expect(paths('ApplicationDraftCreated', { ...VALID.ApplicationDraftCreated, citizen: { cpr: '0101901234', name: 'Søren' } })).toEqual(['/citizen']);
    expect(paths('GrantDrafted', { ...VALID.GrantDrafted, period: { start: '2026-02-30', end: '2027-02-28' } })).toEqual(['/period/start']);
    expect(paths('GrantDrafted', { ...VALID.GrantDrafted, hoursPerWeek: 169 })).toContain('/hoursPerWeek');
    expect(paths('GrantDrafted', { ...VALID.GrantDrafted, jobcentre: null })).toEqual(['/jobcentre']);
    expect(paths('GrantTerminated', { ...VALID.GrantTerminated, reasonId: 2.5 })).toEqual(['/reasonId']);
    expect(paths('ApprovalFileUploaded', { ...VALID.ApprovalFileUploaded, file: { ...VALID.ApprovalFileUploaded.file, sha256: 'abc' } })).toEqual(['/file/sha256']);
    expect(paths('ApplicationSignedByCompany', { ...VALID.ApplicationSignedByCompany, method: 'mitid' })).toEqual(['/method']);
    expect(paths('ApplicationSignedByCompany', { ...VALID.ApplicationSignedByCompany, signedBy: '' })).toEqual(['/signedBy']);
    expect(paths('OfferCreated', { ...VALID.OfferCreated, scheme: 'Løntilskud' })).toEqual(['/scheme']);
    // A legacy (v1) assignment reaches readers with jobcentre null through its upcaster; an append must name its job centre.
    expect(paths('CitizenAssignedToOtherActor', { ...VALID.CitizenAssignedToOtherActor, jobcentre: null })).toEqual(['/jobcentre']);
  });

  describe('an append as a whole', () => {
    const ok = (type: keyof AllData, meta: Partial<EventMetadata> = {}) => appended(registry, type, VALID[type], meta);

    it('passes a well-formed event at its type’s current version', () => {
      expect(registry.appendProblems(ok('GrantDrafted'))).toEqual([]);
      expect(registry.appendProblems(ok('CitizenAssignedToOtherActor', { principal: { role: 'case-system', userId: 'system:import', org: '101', name: 'VITAS (automatisk)' } }))).toEqual([]);
    });

    it('names the data path from the event', () => {
      expect(registry.appendProblems(appended(registry, 'IguAgreementDrafted', { ...VALID.IguAgreementDrafted, citizen: {} }))).toEqual([
        { instancePath: '/data/citizen', message: "must have required property 'cpr'" },
      ]);
    });

    it('refuses an unknown type, an older schema version, and malformed metadata', () => {
      expect(registry.appendProblems(appended(registry, 'IguAgreementDraftd', {}))).toEqual([{ instancePath: '/type', message: 'unknown event type "IguAgreementDraftd"' }]);
      expect(registry.appendProblems(ok('CitizenAssignedToOtherActor', { schemaVersion: 1 }))).toEqual([
        { instancePath: '/metadata/schemaVersion', message: 'must be 2, the current version of CitizenAssignedToOtherActor' },
      ]);
      expect(registry.appendProblems(ok('GrantReviewed', { eventId: uuidv7() }))).toEqual([{ instancePath: '/metadata/eventId', message: 'must be the event id' }]);
      expect(registry.appendProblems({ ...ok('GrantReviewed'), id: 'grant-reviewed-1' })).toEqual([{ instancePath: '/id', message: 'must be a UUID' }]);
      const role = ok('GrantReviewed', { principal: { role: 'admin' as never, userId: 'u', org: '101' } });
      expect(registry.appendProblems(role).map((p) => p.instancePath)).toEqual(['/metadata/principal/role']);
      const named = ok('GrantReviewed', { principal: { role: 'jobcentre', userId: 'u', org: '101', name: null as never } });
      expect(registry.appendProblems(named).map((p) => p.instancePath)).toEqual(['/metadata/principal/name']);
      expect(registry.appendProblems(ok('GrantReviewed', { occurredAt: 'yesterday' })).map((p) => p.instancePath)).toEqual(['/metadata/occurredAt']);
      const extra = { ...ok('GrantReviewed'), metadata: { ...ok('GrantReviewed').metadata, ip: '10.0.0.1' } };
      extra.metadata.eventId = extra.id;
      expect(registry.appendProblems(extra)).toEqual([{ instancePath: '/metadata', message: "must NOT have additional property 'ip'" }]);
    });
  });
});
