import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, Clock } from '../../../platform/clock/clock';
import { CommandPipeline } from '../../../platform/commands/command-pipeline';
import { ProblemError } from '../../../platform/http/problems';
import { ReferenceData } from '../../../reference-data/reference-data.service';
import { executeOnCase } from '../../shared/act-on-case';
import { actorOf } from '../../shared/actor';
import { iguAgreementCase } from '../igu-agreement.case';
import { CreateIguAgreementCommand } from './create-igu-agreement.dto';

@CommandHandler(CreateIguAgreementCommand)
export class CreateIguAgreementHandler implements ICommandHandler<CreateIguAgreementCommand> {
  constructor(
    private readonly pipeline: CommandPipeline,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly referenceData: ReferenceData,
  ) {}

  async execute({ iguAgreementId, input, context }: CreateIguAgreementCommand) {
    const { principal } = context;
    const jobcentre = input.jobcentre ?? (principal.role === 'jobcentre' ? principal.org : undefined);
    if (!jobcentre) throw new ProblemError('validation', 'jobcentre is required when a company creates an IGU agreement', 'isDefined', 'jobcentre');
    await this.referenceData.requirePUnitOfCompany(input.company.cvr, input.company.pNumber);
    if (input.jobcentre && !(await this.referenceData.jobcentre(input.jobcentre))) {
      throw new ProblemError('validation', `No job centre number ${input.jobcentre} is known`, 'unknown-jobcentre', 'jobcentre', { jobcentre: input.jobcentre });
    }
    return executeOnCase(
      this.pipeline,
      iguAgreementCase,
      iguAgreementId,
      context,
      {
        type: 'CreateIguAgreement',
        iguAgreementId,
        jobcentre,
        company: { cvr: input.company.cvr, pNumber: input.company.pNumber },
        citizen: { cpr: input.citizen.cpr },
        actor: actorOf(context),
        now: this.clock.now(),
      },
      { creates: true },
    );
  }
}
