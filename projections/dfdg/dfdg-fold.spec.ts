/** The pure message fold: given a case's last reported facts and an event → then the message (or none). */
import { RecordedEvent } from '../../src/platform/event-store/event-store.port';
import { DfdgMessage, DfdgMessageDraft } from '../../src/dfdg/dfdg-message';
import { DfdgCaseState, foldDfdgEvent, stateFromMessage } from './dfdg-fold';

const G = 'g-1';
const S = 's-1';
const at = (n: number) => new Date(Date.UTC(2030, 0, 1, 8, 0, n)).toISOString();

function recorded(streamId: string, revision: number, type: string, data: Record<string, unknown>): RecordedEvent {
  const id = `${streamId}-e${revision}`;
  return {
    id, streamId, revision, type, schemaVersion: 1, data, recordedAt: new Date(0), checkpoint: 'cp',
    metadata: { eventId: id, correlationId: id, causationId: id, principal: { role: 'jobcentre', userId: 'cw', org: '101' }, occurredAt: at(revision), schemaVersion: 1 },
  };
}

const grantDrafted = (scheme = 'wage-subsidy', hoursPerWeek: number | null = 30) =>
  recorded(`grant-${G}`, 0, 'GrantDrafted', {
    grantId: G, scheme, jobcentre: '101', company: { cvr: '12345678', pNumber: '1000000001' }, citizen: { cpr: '0101901234' }, applicationId: null, offerId: null,
    period: { start: '2030-01-01', end: '2030-06-30' }, hoursPerWeek, jobContent: 'Lager', freeTextLimitApplies: true, createdAt: at(0),
  });
const onGrant = (revision: number, type: string, data: Record<string, unknown> = {}) => recorded(`grant-${G}`, revision, type, { grantId: G, ...data });
const onSupplementary = (revision: number, type: string, data: Record<string, unknown> = {}) => recorded(`supplementary-grant-${S}`, revision, type, { supplementaryGrantId: S, ...data });
const transferred = (stream: string, caseId: string, revision: number, to: string) => recorded(stream, revision, 'CaseTransferredToJobcentre', { caseId, from: '101', to, transferredAt: at(revision) });

/** Folds the events from nothing; returns every message (in order) and the final state. */
function fold(events: RecordedEvent[], from: DfdgCaseState | null = null) {
  let state = from;
  const messages: DfdgMessageDraft[] = [];
  for (const e of events) {
    const next = foldDfdgEvent(state, e);
    state = next.state;
    if (next.message) messages.push(next.message);
  }
  return { state, messages };
}

describe('the DFDG message fold', () => {
  it('created: a grant draft reports every fact, the event id, revision and occurredAt of the event', () => {
    expect(fold([grantDrafted()]).messages).toEqual([
      {
        messageId: `grant-${G}-e0`, jobcentre: '101', caseType: 'grant', vitasId: G, parentVitasId: null, supplementaryGrantType: null, supplementaryGrantTypeLabel: null,
        scheme: 'wage-subsidy', schemeLabel: 'Løntilskud', cpr: '0101901234', period: { start: '2030-01-01', end: '2030-06-30' }, hoursPerWeek: 30,
        status: 'drafted', statusLabel: 'Bevilling udarbejdet', caseRevision: 0, kind: 'created', cessation: null, occurredAt: at(0),
      },
    ]);
  });

  it('a løntilskud lifecycle: changed, approved, extended, changed (review), ceased with §5 code 15 (R63)', () => {
    const { messages } = fold([
      grantDrafted(),
      onGrant(1, 'GrantSentForCompanyApproval', { sentAt: at(1) }),
      onGrant(2, 'GrantApprovedByCompany', { method: 'mitid-business', approvedAt: at(2), approvedBy: 'x' }),
      onGrant(3, 'GrantExtended', { previousEndDate: '2030-06-30', newEndDate: '2030-12-31', jobContent: null, at: at(3) }),
      onGrant(4, 'GrantReviewed', { at: at(4), remarks: null }),
      onGrant(5, 'GrantTerminated', { scheme: 'wage-subsidy', reasonId: 1, subReasonId: null, reasonText: 'Den ansatte vil fortsætte i virksomheden uden løntilskud', effectiveDate: '2030-09-30', at: at(5) }),
    ]);
    expect(messages.map((m) => [m.kind, m.status, m.caseRevision, m.period?.end])).toEqual([
      ['created', 'drafted', 0, '2030-06-30'],
      ['changed', 'awaiting-company', 1, '2030-06-30'],
      ['approved', 'active', 2, '2030-06-30'],
      ['extended', 'active', 3, '2030-12-31'],
      ['changed', 'active', 4, '2030-12-31'],
      ['ceased', 'terminated', 5, '2030-12-31'],
    ]);
    expect(messages.slice(0, 5).every((m) => m.cessation === null)).toBe(true);
    expect(messages[5].cessation).toEqual({
      vitasReasonId: 1, vitasSubReasonId: null, vitasText: 'Den ansatte vil fortsætte i virksomheden uden løntilskud', dfdgCode: 15, dfdgText: 'Aktivitetsperioden er afsluttet ordinært', mapped: true,
    });
    expect(messages[5].statusLabel).toBe('Ophørt');
  });

  it('PA: the company approval is a change (awaiting the citizen); the citizen approval is the approval', () => {
    const { messages } = fold([
      grantDrafted('personal-assistant', null),
      onGrant(1, 'GrantSentForCompanyApproval', { sentAt: at(1) }),
      onGrant(2, 'GrantApprovedByCompany', { method: 'uploaded-file', approvedAt: at(2), approvedBy: 'x' }),
      onGrant(3, 'GrantApprovedByCitizen', { method: 'mitid', approvedAt: at(3), approvedBy: 'x' }),
    ]);
    expect(messages.map((m) => [m.kind, m.status])).toEqual([['created', 'drafted'], ['changed', 'awaiting-company'], ['changed', 'awaiting-citizen'], ['approved', 'active']]);
    expect(messages[3]).toMatchObject({ hoursPerWeek: null, schemeLabel: 'Personlig assistent' });
  });

  it.each([
    ['GrantNotApproved', 'refused', 'not-approved', 'Afvist'],
    ['GrantWithdrawn', 'withdrawn', 'withdrawn', 'Trukket tilbage'],
  ])('R41 D6 %s by any party → %s with code 14', (type, kind, status, statusLabel) => {
    for (const by of ['jobcentre', 'company', 'citizen']) {
      const { messages } = fold([grantDrafted(), onGrant(1, type, { by, at: at(1), actorId: 'x', reason: null })]);
      expect(messages[1]).toMatchObject({ kind, status, statusLabel, cessation: { dfdgCode: 14, dfdgText: 'Bevilling ikke godkendt', mapped: true, vitasReasonId: null } });
    }
  });

  it('R42 D2 D3 ordinary expiry → closed with 15, Voksenlærling and Mentor included', () => {
    for (const scheme of ['wage-subsidy', 'adult-apprentice', 'mentor']) {
      const { messages } = fold([grantDrafted(scheme), onGrant(1, 'GrantClosedAfterOrdinaryExpiry', { endDate: '2030-06-30', at: at(1) })]);
      expect(messages[1]).toMatchObject({ kind: 'closed', status: 'closed', statusLabel: 'Lukket', cessation: { dfdgCode: 15, mapped: true } });
    }
  });

  it('R39 D4 early termination is ceased without a code; Q7 a grant closed unused is reported without a code', () => {
    const ceased = fold([grantDrafted(), onGrant(1, 'GrantTerminated', { scheme: 'wage-subsidy', reasonId: 2, subReasonId: 4, reasonText: 'x', effectiveDate: '2030-02-01', at: at(1) })]);
    expect(ceased.messages[1].cessation).toEqual({ vitasReasonId: 2, vitasSubReasonId: 4, vitasText: 'Borgeren har ikke fulgt aktiviteten', dfdgCode: null, dfdgText: null, mapped: false });
    const unused = fold([grantDrafted(), onGrant(1, 'GrantClosedUnused', { at: at(1) })]);
    expect(unused.messages[1]).toMatchObject({ kind: 'closed-unused', status: 'closed-unused', statusLabel: 'Lukket bevilling (ej brugt)', cessation: null });
  });

  it('R33 a transfer is a change reported to the new job centre, and every later message goes there too', () => {
    const { messages } = fold([grantDrafted(), transferred(`grant-${G}`, G, 1, '147'), onGrant(2, 'GrantSentForCompanyApproval', { sentAt: at(2) })]);
    expect(messages.map((m) => [m.kind, m.jobcentre])).toEqual([['created', '101'], ['changed', '147'], ['changed', '147']]);
  });

  it('events that change no reported fact yield no message; another case type\'s transfer is not ours', () => {
    const { state } = fold([grantDrafted('flex-job', 15)]);
    expect(foldDfdgEvent(state, onGrant(1, 'FleksjobRegistered', { permanent: true, employedInOwnCompany: false, hoursPerWeek: 15 })).message).toBeNull();
    expect(foldDfdgEvent(state, onGrant(1, 'FleksjobRegistered', { permanent: true, employedInOwnCompany: false, hoursPerWeek: 20 })).message).toMatchObject({ kind: 'changed', hoursPerWeek: 20 });
    expect(foldDfdgEvent(state, onGrant(1, 'GrantCreatedOnOffer', { offerId: 'o' })).message).toBeNull();
    expect(foldDfdgEvent(state, transferred(`application-${G}`, G, 1, '147')).message).toBeNull();
    expect(foldDfdgEvent(null, onGrant(1, 'GrantSentForCompanyApproval', { sentAt: at(1) }))).toEqual({ state: null, message: null });
  });

  const supplementaryDrafted = () =>
    onSupplementary(0, 'SupplementaryGrantDrafted', {
      parentGrantId: G, supplementaryGrantType: 'assistive-aids', scheme: 'public-benefit-work', jobcentre: '101', company: { cvr: '12345678', pNumber: '1000000001' },
      citizen: { cpr: '0101901234' }, justification: 'x', remarks: null, freeTextLimitApplies: true, createdAt: at(0),
    });

  it('a supplementary grant: its parent, type and parent scheme (R3), no period or hours; refused → 14', () => {
    const { messages } = fold([supplementaryDrafted(), onSupplementary(1, 'SupplementaryGrantSentForCompanyApproval', { sentAt: at(1) }), onSupplementary(2, 'SupplementaryGrantNotApproved', { by: 'company', at: at(2), actorId: 'x', reason: null })]);
    expect(messages[0]).toMatchObject({ caseType: 'supplementary-grant', vitasId: S, parentVitasId: G, supplementaryGrantType: 'assistive-aids', supplementaryGrantTypeLabel: 'Hjælpemidler', scheme: 'public-benefit-work', schemeLabel: 'Nytteindsats', period: null, hoursPerWeek: null });
    expect(messages.map((m) => [m.kind, m.cessation?.dfdgCode ?? null])).toEqual([['created', null], ['changed', null], ['refused', 14]]);
  });

  it('D7 a supplementary grant closed unused yields no message, and nothing after it does (its transfer included)', () => {
    const { state, messages } = fold([supplementaryDrafted(), onSupplementary(1, 'SupplementaryGrantClosedUnused', { at: at(1) }), transferred(`supplementary-grant-${S}`, S, 2, '147')]);
    expect(messages.map((m) => m.kind)).toEqual(['created']);
    expect(state).toMatchObject({ unreportedFrom: 1, facts: { status: 'closed-unused', jobcentre: '101' } });
  });

  it('D7 in a rebuild the mark may already be known: the events before it are still reported', () => {
    const created = fold([supplementaryDrafted()]);
    const early = { ...created.state!, unreportedFrom: 2 };
    const { messages } = fold([onSupplementary(1, 'SupplementaryGrantSentForCompanyApproval', { sentAt: at(1) }), onSupplementary(2, 'SupplementaryGrantClosedUnused', { at: at(2) }), transferred(`supplementary-grant-${S}`, S, 3, '147')], early);
    expect(messages.map((m) => [m.kind, m.caseRevision])).toEqual([['changed', 1]]);
  });

  it('folding from a stored message (through JSON) gives what folding in memory gives', () => {
    const events = [grantDrafted(), onGrant(1, 'GrantSentForCompanyApproval', { sentAt: at(1) }), onGrant(2, 'GrantApprovedByCompany', { method: 'mitid-business', approvedAt: at(2), approvedBy: 'x' })];
    const whole = fold(events).messages;
    const first = fold(events.slice(0, 2));
    const stored: DfdgMessage = JSON.parse(JSON.stringify({ ...first.messages[1], sequence: 2 }));
    expect(fold(events.slice(2), stateFromMessage(stored, null)).messages).toEqual(whole.slice(2));
  });
});

describe('the DFDG message fold: one message per reportable change (R61)', () => {
  it('R61 gives each reportable state change of a grant exactly one message, and the others none', () => {
    const lifecycle = [
      grantDrafted(),
      onGrant(1, 'GrantSentForCompanyApproval', { sentAt: at(1) }),
      onGrant(2, 'GrantApprovedByCompany', { method: 'nemid-employee-signature', approvedAt: at(2), approvedBy: 'co' }),
      recorded(`grant-${G}`, 3, 'ResponsibleCaseworkerAssigned', { caseId: G, caseworkerId: 'cw-2', assignedAt: at(3) }),
      onGrant(4, 'GrantExtended', { previousEndDate: '2030-06-30', newEndDate: '2030-12-31', jobContent: null, at: at(4) }),
      onGrant(5, 'GrantReviewed', { at: at(5), remarks: null }),
      onGrant(6, 'GrantTerminated', { scheme: 'wage-subsidy', reasonId: 3, subReasonId: null, reasonText: 'Fejlregistrering', effectiveDate: '2030-09-30', at: at(6) }),
    ];
    const { messages } = fold(lifecycle);
    // Every event but the responsible-caseworker assignment is a reportable change: one message each.
    expect(messages).toHaveLength(lifecycle.length - 1);
    expect(new Set(messages.map((m) => m.messageId)).size).toBe(messages.length);
    expect(messages.map((m) => m.messageId)).toEqual(lifecycle.filter((e) => e.type !== 'ResponsibleCaseworkerAssigned').map((e) => e.id));
  });
});
