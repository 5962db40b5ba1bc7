import { describe, expect, it } from 'vitest';
import { MessageTally } from '../../../src/ingest/wechaty/message-tally.js';

describe('MessageTally', () => {
  it('settles once every expected id was handled, counting first outcomes only', async () => {
    const tally = new MessageTally();
    tally.expect(['a', 'b', 'c']);
    const settled = tally.settle(60_000);
    tally.record('a', 'inserted');
    tally.record('a', 'duplicate');
    tally.record('x', 'skipped');
    tally.record('b', 'duplicate');
    tally.record('c', 'failed');
    expect(await settled).toEqual({
      outcomes: { inserted: 1, duplicate: 1, conflict: 0, skipped: 0, failed: 1 },
      missing: [],
    });
    expect(tally.totals).toEqual({ inserted: 1, duplicate: 2, conflict: 0, skipped: 1, failed: 1 });
  });

  it('reports ids never handled once nothing happens for the idle time', async () => {
    const tally = new MessageTally();
    tally.expect(['a', 'b']);
    const settled = tally.settle(20);
    tally.record('a', 'inserted');
    expect(await settled).toMatchObject({ outcomes: { inserted: 1 }, missing: ['b'] });
    // A fresh expectation afterwards.
    expect(await tally.settle(20)).toMatchObject({ outcomes: { inserted: 0 }, missing: [] });
  });
});
