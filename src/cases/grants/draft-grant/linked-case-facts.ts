/**
 * The facts a new grant takes from the case it is made on, folded from that case's own stream
 * (always current, never behind a projection). An unknown case is a 404 naming the body field.
 */
import { EventStore } from '../../../platform/event-store/event-store.port';
import { DomainEvent } from '../../../platform/events/decider';
import { EventRegistry } from '../../../platform/events/event-registry';
import { NotFoundError, ProblemError } from '../../../platform/http/problems';
import { applicationDecider } from '../../applications/application.decider';
import { applicationStreamId } from '../../applications/application.events';
import { applicationLink } from '../../applications/application.view';
import { offerCase } from '../../offers/offer.case';
import { CaseType } from '../../shared/case-type';
import { loadCase } from '../../shared/load-case';
import { ApplicationFacts, OfferFacts } from '../grant.commands';

const applicationCase = { name: 'Application', decider: applicationDecider, streamId: applicationStreamId, link: applicationLink };

async function loadLinked<C, S, E extends DomainEvent>(store: EventStore, registry: EventRegistry, caseType: CaseType<C, S, E>, id: string, field: string): Promise<S> {
  try {
    return (await loadCase(store, registry, caseType, id)).state;
  } catch (error) {
    if (error instanceof NotFoundError) throw new ProblemError('not-found', `${caseType.name} ${id} does not exist`, 'not-found', field, { [field]: id });
    throw error;
  }
}

export async function applicationFacts(store: EventStore, registry: EventRegistry, applicationId: string): Promise<ApplicationFacts> {
  const a = await loadLinked(store, registry, applicationCase, applicationId, 'applicationId');
  return { applicationId, status: a.status, jobcentre: a.jobcentre!, scheme: a.scheme!, companyCvr: a.company!.cvr, citizenCpr: a.citizen!.cpr };
}

export async function offerFacts(store: EventStore, registry: EventRegistry, offerId: string): Promise<OfferFacts> {
  const o = await loadLinked(store, registry, offerCase, offerId, 'offerId');
  return {
    offerId, scheme: o.scheme!, onNationalList: o.onNationalList === true, jobcentre: o.jobcentre!, companyCvr: o.company!.cvr,
    active: o.status === 'active', cancelled: o.cancelledAt !== undefined,
  };
}
