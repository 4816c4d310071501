import { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';

/** Structured JSON logs on stdout, one object per line. */
export function createRootLogger(level: string): Logger {
  return pino({ level, base: { service: 'vitas-cases' }, timestamp: pino.stdTimeFunctions.isoTime });
}

/** Nest's logger interface over pino, so framework messages are JSON too. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly root: Logger) {}

  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace', message: unknown, params: unknown[]): void {
    const context = typeof params[params.length - 1] === 'string' ? (params.pop() as string) : undefined;
    const log = context ? this.root.child({ context }) : this.root;
    if (message && typeof message === 'object') log[level](message as object, ...(params as string[]));
    else log[level]({ ...(params.length ? { details: params } : {}) }, String(message));
  }

  log(message: unknown, ...params: unknown[]) { this.write('info', message, params); }
  error(message: unknown, ...params: unknown[]) { this.write('error', message, params); }
  warn(message: unknown, ...params: unknown[]) { this.write('warn', message, params); }
  debug(message: unknown, ...params: unknown[]) { this.write('debug', message, params); }
  verbose(message: unknown, ...params: unknown[]) { this.write('trace', message, params); }
}
