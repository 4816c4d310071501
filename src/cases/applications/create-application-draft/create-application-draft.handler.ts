import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, Clock } from '../../../platform/clock/clock';
import { CommandPipeline } from '../../../platform/commands/command-pipeline';
import { ReferenceData } from '../../../reference-data/reference-data.service';
import { actorOf } from '../../shared/actor';
import { executeOnCase } from '../../shared/act-on-case';
import { applicationCase } from '../application.case';
import { CreateApplicationDraftCommand } from './create-application-draft.dto';

@CommandHandler(CreateApplicationDraftCommand)
export class CreateApplicationDraftHandler implements ICommandHandler<CreateApplicationDraftCommand> {
  constructor(
    private readonly pipeline: CommandPipeline,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly referenceData: ReferenceData,
  ) {}

  async execute({ applicationId, input, context }: CreateApplicationDraftCommand) {
    // D23: whether the representative step applies is a fact of the P-unit, from reference data.
    const pUnit = await this.referenceData.requirePUnitOfCompany(input.company.cvr, input.company.pNumber);
    return executeOnCase(this.pipeline, applicationCase, applicationId, context, {
      type: 'CreateApplicationDraft',
      applicationId,
      scheme: input.scheme,
      jobcentre: context.principal.org,
      company: { cvr: input.company.cvr, pNumber: input.company.pNumber },
      citizen: { cpr: input.citizen.cpr },
      pUnitHasEmployeeRepresentative: pUnit.hasEmployeeRepresentative,
      actor: actorOf(context),
      now: this.clock.now(),
    }, { creates: true });
  }
}
