import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, Clock } from '../../../platform/clock/clock';
import { CommandPipeline } from '../../../platform/commands/command-pipeline';
import { APP_CONFIG, AppConfig } from '../../../platform/config/config';
import { ProblemError } from '../../../platform/http/problems';
import { ReferenceData } from '../../../reference-data/reference-data.service';
import { executeOnCase } from '../../shared/act-on-case';
import { actorOf } from '../../shared/actor';
import { offerCase } from '../offer.case';
import { CreateOfferCommand } from './create-offer.dto';

@CommandHandler(CreateOfferCommand)
export class CreateOfferHandler implements ICommandHandler<CreateOfferCommand> {
  constructor(
    private readonly pipeline: CommandPipeline,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly referenceData: ReferenceData,
  ) {}

  async execute({ offerId, input, context }: CreateOfferCommand) {
    // D23: whether the representative step applies is a fact of the P-unit, from reference data.
    const cvr = context.principal.org;
    const [pUnit, jobcentre] = await Promise.all([
      this.referenceData.requirePUnitOfCompany(cvr, input.pNumber, { cvr: 'pNumber', pNumber: 'pNumber' }),
      this.referenceData.jobcentre(input.jobcentre),
    ]);
    if (!jobcentre) throw new ProblemError('validation', `No job centre number ${input.jobcentre} is known`, 'unknown-jobcentre', 'jobcentre', { jobcentre: input.jobcentre });
    const command = {
      type: 'CreateOffer' as const,
      offerId,
      scheme: input.scheme,
      jobcentre: input.jobcentre,
      company: { cvr, pNumber: input.pNumber },
      onNationalList: input.onNationalList,
      hoursPerWeek: input.hoursPerWeek,
      workTasks: input.workTasks,
      pUnitHasEmployeeRepresentative: pUnit.hasEmployeeRepresentative,
      freeTextLimitEffectiveDate: this.config.freeTextLimitEffectiveDate,
      actor: actorOf(context),
      now: this.clock.now(),
    };
    return executeOnCase(this.pipeline, offerCase, offerId, context, command, { creates: true });
  }
}
