import { EventEmitter } from 'node:events';
import { CONNECTION_LOSS_QUIET_MS, connectionLossListener } from './connection-loss';

function recorder() {
  const lines: { fields: Record<string, unknown>; message: string }[] = [];
  return { lines, logger: { warn: (fields: object, message: string) => lines.push({ fields: fields as Record<string, unknown>, message }) } };
}

const adminShutdown = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });

describe('connectionLossListener', () => {
  it('keeps an emitted error from throwing (an EventEmitter without an error listener would)', () => {
    const { logger } = recorder();
    const client = new EventEmitter();
    expect(() => client.emit('error', adminShutdown)).toThrow();
    client.on('error', connectionLossListener('test client', logger));
    expect(() => client.emit('error', adminShutdown)).not.toThrow();
  });

  it('logs the first loss of a burst, in our words, with the code and the driver message', () => {
    const { lines, logger } = recorder();
    connectionLossListener('event store pool', logger, () => 1_000)(adminShutdown);
    expect(lines).toEqual([
      {
        fields: { source: 'event store pool', code: '57P01', err: 'terminating connection due to administrator command' },
        message: expect.stringMatching(/^lost a database connection/),
      },
    ]);
  });

  it('counts the rest of the burst quietly and reports the count with the next line', () => {
    const { lines, logger } = recorder();
    let now = 0;
    const listener = connectionLossListener('database pool', logger, () => now);
    for (let i = 0; i < 20; i++) listener(adminShutdown); // a pool of 20 idle clients, all cut at once
    expect(lines).toHaveLength(1);
    now = CONNECTION_LOSS_QUIET_MS - 1;
    listener(new Error('Connection terminated unexpectedly'));
    expect(lines).toHaveLength(1);
    now = CONNECTION_LOSS_QUIET_MS;
    listener(new Error('Connection terminated unexpectedly'));
    expect(lines).toHaveLength(2);
    expect(lines[1].fields).toEqual({ source: 'database pool', err: 'Connection terminated unexpectedly', unlogged: 20 });
  });

  it('copes with something that is not an Error', () => {
    const { lines, logger } = recorder();
    connectionLossListener('x', logger)('boom');
    expect(lines[0].fields).toEqual({ source: 'x', err: 'boom' });
  });
});
