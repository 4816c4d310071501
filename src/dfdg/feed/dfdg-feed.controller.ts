import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { Response } from 'express';
import schema from '../../../docs/dfdg-message.schema.json';
import { CurrentPrincipal } from '../../platform/auth/current-principal.decorator';
import { Principal } from '../../platform/auth/principal';
import { Public } from '../../platform/auth/public.decorator';
import { Roles } from '../../platform/auth/roles.decorator';
import { DfdgFeedService, DfdgPage } from './dfdg-feed.service';

export class DfdgFeedQueryDto {
  @ApiPropertyOptional({ description: 'The `next` of the previous answer; leave out to start from the first message' })
  @IsOptional() @IsString() @MaxLength(200)
  after?: string;

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 1000 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000)
  limit: number = 100;

  @ApiPropertyOptional({ default: 0, minimum: 0, maximum: 30, description: 'Long poll: seconds to wait for a message when there is none yet' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(30)
  wait: number = 0;
}

/** Issue 4, items 3 and 5: the pull feed of DFDG messages for a job centre's case system, and the message's JSON Schema. */
@ApiTags('dfdg')
@Controller('api/dfdg/messages')
export class DfdgFeedController {
  constructor(private readonly feed: DfdgFeedService) {}

  @Get()
  @Roles('case-system')
  @ApiBearerAuth()
  @ApiOperation({ summary: "The caller's job centre's messages after the cursor, in sequence order: { messages, next }; `wait` long-polls" })
  pull(@Query() query: DfdgFeedQueryDto, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response): Promise<DfdgPage> {
    const gone = new AbortController();
    res.on('close', () => gone.abort());
    return this.feed.pull(principal.org, query.after, query.limit, query.wait, gone.signal);
  }

  @Get('schema')
  @Public()
  @Header('Content-Type', 'application/schema+json; charset=utf-8')
  @ApiOperation({ summary: 'The JSON Schema (draft 2020-12) of a message (docs/dfdg-message.schema.json)' })
  schema(): unknown {
    return schema;
  }
}
