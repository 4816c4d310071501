import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { ProjectionsService } from '../../../projections/projections.service';
import { Public } from '../auth/public.decorator';
import { APP_CONFIG, AppConfig } from '../config/config';
import { EVENT_STORE, EventStore } from '../event-store/event-store.port';
import { Metrics } from '../metrics/metrics';

type Check = { status: 'up' } | { status: 'down'; error: string };

async function check(probe: () => Promise<unknown>): Promise<Check> {
  try {
    await probe();
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  }
}

@ApiTags('operations')
@Controller()
export class HealthController {
  constructor(
    private readonly db: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionsService,
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('health')
  @ApiOperation({
    summary: 'Database, event store and each projection (lag, leader, failure); 503 when one is down',
    description:
      'A failing projection carries `failing`: since when, tries so far, the next retry, the event at fault ' +
      '(position, id, type, stream; never its data) and the error (message, PostgreSQL code, constraint, column).',
  })
  async health(@Res({ passthrough: true }) res: Response) {
    const [database, eventStore] = await Promise.all([check(() => this.db.query('SELECT 1')), check(() => this.store.ping())]);
    const projections = eventStore.status === 'up' ? await this.projections.health() : [];
    const projectionsDown = projections.some((p) => p.failing || p.lastError);
    const up = database.status === 'up' && eventStore.status === 'up' && !projectionsDown;
    res.status(up ? 200 : 503);
    if (!up) res.setHeader('Retry-After', String(this.config.retryAfterSeconds));
    return { status: up ? 'up' : 'down', database, eventStore, projections };
  }

  @Public()
  @Get('metrics')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Prometheus metrics' })
  async metricsText(@Res() res: Response) {
    await this.projections.health().catch(() => undefined); // refreshes the lag gauges
    res.type(this.metrics.registry.contentType).send(await this.metrics.registry.metrics());
  }
}
