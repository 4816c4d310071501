import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiExtraModels, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ValidateBy } from 'class-validator';
import type { Response } from 'express';
import { CODE_LIST_NAMES, CodeList, CodeListSummary } from './code-lists';
import { CODE_LIST_MODELS, CODE_LIST_SCHEMA, CodeListSummaryModel, PROBLEM_CONTENT } from './code-lists.openapi';
import { CachedAnswer, CodeLists } from './code-lists.service';

/** Bounded before the lookup, so an odd or huge name is a 400, never echoed whole in a 404. */
const CODE_LIST_NAME_PATTERN = /^[a-z-]{1,40}$/;

export class CodeListNameDto {
  @ValidateBy({
    name: 'code-list-name-format',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && CODE_LIST_NAME_PATTERN.test(value),
      defaultMessage: () => 'name must be a code list name (1–40 lower-case letters and hyphens)',
    },
  })
  name: string;
}

/** Public code lists, the same for everyone, so shared caches may keep them for an hour; If-None-Match gets a 304 (Express compares it to the ETag). */
function send<T>(res: Response, answer: CachedAnswer<T>): T {
  res.setHeader('ETag', answer.etag);
  res.setHeader('Cache-Control', 'public, max-age=3600');
  return answer.body;
}

/**
 * Issue 13 item 3: the registries' codes with their Danish labels, for frontends to show and
 * offer. No personal data, so every authenticated role may read them (no @Roles).
 */
@ApiTags('code-lists')
@ApiBearerAuth()
@ApiExtraModels(...CODE_LIST_MODELS)
@Controller('api/code-lists')
export class CodeListsController {
  constructor(private readonly lists: CodeLists) {}

  @Get()
  @ApiOperation({ summary: 'The code lists: [{ name, description, links: { self } }]; ETag, Cache-Control: public, max-age=3600' })
  @ApiOkResponse({ type: [CodeListSummaryModel] })
  index(@Res({ passthrough: true }) res: Response): CodeListSummary[] {
    return send(res, this.lists.index);
  }

  @Get(':name')
  @ApiParam({ name: 'name', enum: CODE_LIST_NAMES })
  @ApiOperation({ summary: 'One code list: { name, description, items, links: { self } }, items in registry order; ETag (If-None-Match → 304), Cache-Control: public, max-age=3600' })
  @ApiOkResponse({ schema: CODE_LIST_SCHEMA })
  @ApiBadRequestResponse({ description: 'name is not 1–40 lower-case letters and hyphens (rule code-list-name-format, field name)', content: PROBLEM_CONTENT })
  @ApiNotFoundResponse({ description: 'No code list has that name (rule code-list, field name)', content: PROBLEM_CONTENT })
  one(@Param() { name }: CodeListNameDto, @Res({ passthrough: true }) res: Response): CodeList {
    return send(res, this.lists.get(name));
  }
}
