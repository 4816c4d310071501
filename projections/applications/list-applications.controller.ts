import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { CurrentPrincipal } from '../../src/platform/auth/current-principal.decorator';
import { Principal } from '../../src/platform/auth/principal';
import { APPLICATION_STATUS_CODES, ApplicationStatus } from '../../src/registries/statuses';
import { listApplications } from './list-applications.query';

export class ListApplicationsDto {
  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: 1_000_000 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1_000_000)
  page: number = 1;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  pageSize: number = 50;

  @ApiPropertyOptional({ enum: APPLICATION_STATUS_CODES, isArray: true, description: 'Multi-select; repeat or comma-separate' })
  @IsOptional()
  @Transform(({ value }) => (Array.isArray(value) ? value : String(value).split(',')))
  @IsIn(APPLICATION_STATUS_CODES, { each: true })
  status?: ApplicationStatus[];
}

/** The applications list, served from the `applications` read model (eventually consistent). */
@ApiTags('applications')
@ApiBearerAuth()
@Controller('api/applications')
export class ListApplicationsController {
  constructor(private readonly db: DataSource) {}

  @Get()
  // D10: the screens' lists run on the search read model; this plain collection stays for integrations, deprecated.
  @Header('Deprecation', 'true')
  @Header('Link', '</api/search/applications>; rel="successor-version"')
  @ApiOperation({ deprecated: true, summary: 'Applications visible to the caller, newest first, with totalCount (R1)' })
  list(@Query() query: ListApplicationsDto, @CurrentPrincipal() principal: Principal) {
    return listApplications(this.db, principal, query);
  }
}
