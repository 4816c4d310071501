import { decodeCursor, encodeCursor } from './dfdg-cursor';

describe('the DFDG feed cursor', () => {
  it('round-trips a job centre and sequence, and starts at 0 without one', () => {
    expect(decodeCursor(encodeCursor('101', 42), '101')).toBe(42);
    expect(decodeCursor(encodeCursor('101', 0), '101')).toBe(0);
    expect(decodeCursor(undefined, '101')).toBe(0);
    expect(encodeCursor('101', 7)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it.each([
    ['another job centre', encodeCursor('147', 3)],
    ['garbage', 'not a cursor!'],
    ['empty', ''],
    ['base64 of something else', Buffer.from('hello').toString('base64url')],
    ['an unknown version', Buffer.from('v2:101:3').toString('base64url')],
    ['a negative sequence', Buffer.from('v1:101:-3').toString('base64url')],
    ['a leading zero', Buffer.from('v1:101:03').toString('base64url')],
    ['padded base64', `${encodeCursor('101', 1)}==`],
  ])('refuses %s with a 400 naming `after`', (_what, cursor) => {
    expect(() => decodeCursor(cursor, '101')).toThrow(expect.objectContaining({ kind: 'validation', field: 'after', rule: 'invalid-cursor' }));
  });
});
