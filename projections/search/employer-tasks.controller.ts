import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { CurrentPrincipal } from '../../src/platform/auth/current-principal.decorator';
import { Principal } from '../../src/platform/auth/principal';
import { APP_CONFIG, AppConfig } from '../../src/platform/config/config';
import { listEmployerTasks } from './employer-tasks.query';

export class EmployerTasksQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 1000, description: 'At most this many tasks; never more than the configured cap (D21: 1,000)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000)
  limit?: number;
}

/** The employer's task list (R34, R35, D21), served from the search read model `search_cases` (D10). */
@ApiTags('employer-tasks')
@ApiBearerAuth()
@Controller('api/employer-tasks')
export class EmployerTasksController {
  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: "The newest actions awaiting the caller's company (role company), supplementary grants included, with totalCount and truncated (R34, R35, D21)" })
  list(@Query() query: EmployerTasksQueryDto, @CurrentPrincipal() principal: Principal) {
    return listEmployerTasks(this.db, principal, this.config.employerTasksLimit, query.limit);
  }
}
