import { Module } from '@nestjs/common';
import { DfdgFeedController } from './feed/dfdg-feed.controller';
import { DfdgFeedService } from './feed/dfdg-feed.service';

/** DFDG messages for the job centres' case systems (issue 4): the pull feed and the message schema. The outbox is projections/dfdg. */
@Module({
  controllers: [DfdgFeedController],
  providers: [DfdgFeedService],
})
export class DfdgModule {}
