import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentPrincipal } from '../../platform/auth/current-principal.decorator';
import { Principal } from '../../platform/auth/principal';
import { Roles } from '../../platform/auth/roles.decorator';
import { CprParamDto, CvrParamDto, SearchPageDto } from './lookup.dtos';
import { findCitizen, listCompanies, listJobcentres, listPUnits } from './lookup.queries';

/** Paged lookups of the reference data, e.g. for picking a P-unit when creating a case (R59). */
@ApiTags('reference-data')
@ApiBearerAuth()
@Controller('api/reference-data')
@Roles('jobcentre', 'company-support', 'company', 'anden-aktoer', 'auditor')
export class LookUpReferenceDataController {
  constructor(private readonly db: DataSource) {}

  @Get('jobcentres')
  @ApiOperation({ summary: 'Job centres by name; query matches a number prefix or part of the name' })
  jobcentres(@Query() query: SearchPageDto) {
    return listJobcentres(this.db, query);
  }

  @Get('companies')
  @ApiOperation({ summary: 'Companies by name; query matches a CVR prefix or part of the name. A company sees only itself' })
  companies(@Query() query: SearchPageDto, @CurrentPrincipal() principal: Principal) {
    return listCompanies(this.db, principal, query);
  }

  @Get('companies/:cvr/p-units')
  @ApiOperation({ summary: "R59: a company's P-units by name then P-number (stable paging, pageSize ≤ 500); a company lists only its own" })
  pUnits(@Param() { cvr }: CvrParamDto, @Query() query: SearchPageDto, @CurrentPrincipal() principal: Principal) {
    return listPUnits(this.db, principal, cvr, query);
  }

  @Get('citizens/:cpr')
  @Roles('jobcentre', 'company-support', 'auditor', 'anden-aktoer')
  @ApiOperation({ summary: 'A citizen by CPR; an Anden Aktør sees only citizens assigned to it by a job centre that has a case of theirs (R12/R13, issue 10), others are 404' })
  citizen(@Param() { cpr }: CprParamDto, @CurrentPrincipal() principal: Principal) {
    return findCitizen(this.db, principal, cpr);
  }
}
