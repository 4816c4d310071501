import { Controller, Get, Inject, Injectable, Param, PipeTransform, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentPrincipal } from '../../src/platform/auth/current-principal.decorator';
import { Principal } from '../../src/platform/auth/principal';
import { CLOCK, Clock } from '../../src/platform/clock/clock';
import { danishDate } from '../../src/platform/clock/dates';
import { NotFoundError } from '../../src/platform/http/problems';
import { countBubbles } from './engine/bubbles';
import { planSearch, searchPage } from './engine/search-engine';
import { SEARCH_LISTS, SEARCH_LIST_IDS, SearchListDefinition, searchListById } from './engine/search-lists';
import { SearchQueryDto } from './search-query.dto';

/** `{list}` of a search path: one of the defined lists, else a 404. */
@Injectable()
export class SearchListPipe implements PipeTransform<string, SearchListDefinition> {
  transform(id: string): SearchListDefinition {
    const list = searchListById(id);
    if (!list) throw new NotFoundError('search list', id);
    return list;
  }
}

const LIST_HELP = SEARCH_LISTS.map((l) => `\`${l.id}\` '${l.title}' (roles ${l.roles.join(', ')}; status ${Object.keys(l.statuses).join(', ')}; sort ${l.columns.join(', ')})`).join('; ');

/** Every list and 'Søg' tab on the one search read model (issue 5, D10), and the bubbles (R23–R26). */
@ApiTags('search')
@ApiBearerAuth()
@Controller('api')
export class SearchController {
  constructor(
    private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('search/:list')
  @ApiParam({ name: 'list', enum: SEARCH_LIST_IDS, description: LIST_HELP })
  @ApiOperation({ summary: "A list or 'Søg' tab: the caller's rows, filtered (R6, R8, D13), sorted on any visible column with a stable tie-breaker, paged with totalCount (R1), each with its link (R32)" })
  list(@Param('list', SearchListPipe) list: SearchListDefinition, @Query() query: SearchQueryDto, @CurrentPrincipal() principal: Principal) {
    return searchPage(this.db, planSearch(list, principal, query, this.today()), query);
  }

  @Get('bubbles')
  @ApiOperation({ summary: "The caller's bubbles: each count is its list's totalCount under the bubble's query, with the link to that list (R23–R26)" })
  bubbles(@CurrentPrincipal() principal: Principal) {
    return countBubbles(this.db, principal, this.today());
  }

  private today(): string {
    return danishDate(this.clock.now());
  }
}
