import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, Clock } from '../../../platform/clock/clock';
import { CommandPipeline } from '../../../platform/commands/command-pipeline';
import { APP_CONFIG, AppConfig } from '../../../platform/config/config';
import { EVENT_STORE, EventStore } from '../../../platform/event-store/event-store.port';
import { EventRegistry } from '../../../platform/events/event-registry';
import { SCHEMES } from '../../../registries/schemes';
import { ReferenceData } from '../../../reference-data/reference-data.service';
import { executeOnCase } from '../../shared/act-on-case';
import { actorOf } from '../../shared/actor';
import { grantCase } from '../grant.case';
import { DraftGrantCommand } from './draft-grant.dto';
import { applicationFacts, offerFacts } from './linked-case-facts';

/** Gathers the facts a draft needs (the linked application or offer, the P-unit) and runs the decider. */
@CommandHandler(DraftGrantCommand)
export class DraftGrantHandler implements ICommandHandler<DraftGrantCommand> {
  constructor(
    private readonly pipeline: CommandPipeline,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly registry: EventRegistry,
    private readonly referenceData: ReferenceData,
  ) {}

  async execute({ grantId, input, context }: DraftGrantCommand) {
    const [application, offer] = await Promise.all([
      input.applicationId ? applicationFacts(this.store, this.registry, input.applicationId) : null,
      input.offerId ? offerFacts(this.store, this.registry, input.offerId) : null,
    ]);
    // R59: a compensating scheme is created on a chosen P-unit, which must be one of the company's.
    if (SCHEMES[input.scheme].compensating) await this.referenceData.requirePUnitOfCompany(input.company.cvr, input.company.pNumber);
    return executeOnCase(this.pipeline, grantCase, grantId, context, {
      type: 'DraftGrant',
      grantId,
      scheme: input.scheme,
      jobcentre: context.principal.org,
      company: { cvr: input.company.cvr, pNumber: input.company.pNumber },
      citizen: { cpr: input.citizen.cpr },
      period: { start: input.period.start, end: input.period.end },
      hoursPerWeek: input.hoursPerWeek ?? null,
      jobContent: input.jobContent ?? null,
      fleksjob: input.fleksjob ? { permanent: input.fleksjob.permanent, employedInOwnCompany: input.fleksjob.employedInOwnCompany } : null,
      freeTextLimitEffectiveDate: this.config.freeTextLimitEffectiveDate,
      application,
      offer,
      actor: actorOf(context),
      now: this.clock.now(),
    }, { creates: true });
  }
}
