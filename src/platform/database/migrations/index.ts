import { EventStore1764000000000 } from './1764000000000-event-store';
import { PlatformTables1764000000001 } from './1764000000001-platform-tables';

/** Every migration, in order. Projection tables are not here: the runner owns them (README). */
export const MIGRATIONS = [EventStore1764000000000, PlatformTables1764000000001];
