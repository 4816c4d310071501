import { DfdgCaseState } from './dfdg-fold';
import { DfdgStateCache } from './dfdg-state-cache';

const state = (jobcentre: string) => ({ facts: { jobcentre }, unreportedFrom: null }) as unknown as DfdgCaseState;

describe('the DFDG case states held between batches', () => {
  const db = {};

  it('serves a state only for the very next revision of its case, per database and table', () => {
    const cache = new DfdgStateCache(10);
    cache.put(db, 'dfdg_messages', 'g-1', 4, state('101'));
    expect(cache.take(db, 'dfdg_messages', 'g-1', 5)).toEqual(state('101'));
    expect(cache.take(db, 'dfdg_messages', 'g-1', 4)).toBeUndefined(); // the batch came again (rolled back)
    expect(cache.take(db, 'dfdg_messages', 'g-1', 7)).toBeUndefined(); // someone else folded 5 and 6
    expect(cache.take(db, 'dfdg_messages_rb_x', 'g-1', 5)).toBeUndefined(); // a rebuild's table
    expect(cache.take({}, 'dfdg_messages', 'g-1', 5)).toBeUndefined(); // another database
  });

  it('forgets the least recently stored case when full', () => {
    const cache = new DfdgStateCache(2);
    cache.put(db, 't', 'a', 0, state('1'));
    cache.put(db, 't', 'b', 0, state('2'));
    cache.put(db, 't', 'a', 1, state('1'));
    cache.put(db, 't', 'c', 0, state('3'));
    expect([cache.take(db, 't', 'a', 2), cache.take(db, 't', 'b', 1), cache.take(db, 't', 'c', 1)].map((s) => s?.facts.jobcentre)).toEqual(['1', undefined, '3']);
  });
});
