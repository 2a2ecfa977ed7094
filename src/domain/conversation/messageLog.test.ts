import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addPending, emptyMessageLog, gaps, lastSeq, mergeStored, type StoredMessage } from './messageLog.js';

const message = (seq: number, clientId = `c-${seq}`): StoredMessage => ({
  id: `m-${seq}`,
  conversationId: 'conv',
  seq,
  clientId,
  sender: 'visitor',
  senderName: null,
  body: `body ${seq}`,
  createdAt: seq,
});

describe('message log', () => {
  it('turns a pending message into a stored one when its echo arrives', () => {
    let log = addPending(emptyMessageLog, { clientId: 'c-1', body: 'hoi', createdAt: 0 });
    expect(log.pending).toHaveLength(1);
    log = mergeStored(log, [message(1, 'c-1')]);
    expect(log.pending).toHaveLength(0);
    expect(log.stored.map((m) => m.seq)).toEqual([1]);
    expect(lastSeq(log)).toBe(1);
  });

  it('does not add the same pending message twice', () => {
    const once = addPending(emptyMessageLog, { clientId: 'x', body: 'a', createdAt: 0 });
    expect(addPending(once, { clientId: 'x', body: 'a', createdAt: 0 })).toBe(once);
  });

  it('resumes from before a gap, so messages lost with the connection still arrive', () => {
    // Pushes of 2 and 3 were lost; the ack of her own message 4 arrived.
    const log = mergeStored(emptyMessageLog, [message(1), message(4)]);
    expect(lastSeq(log)).toBe(1);
  });

  it('reports the gaps a resume must fill', () => {
    const log = mergeStored(emptyMessageLog, [message(1), message(4), message(2)]);
    expect(gaps(log)).toEqual([3]);
  });

  it('converges to the same ordered, duplicate-free list whatever the delivery order and repeats', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 80 }),
        fc.integer({ min: 1, max: 6 }),
        (seqs, shuffle, batch) => {
          // Deliver every message at least once, some twice, in a scrambled order and in batches.
          const deliveries = [...seqs, ...shuffle.map((i) => seqs[i % seqs.length]!)];
          const order = deliveries
            .map((seq, i) => ({ seq, key: shuffle[i % Math.max(1, shuffle.length)] ?? i }))
            .sort((a, b) => a.key - b.key);
          let log = emptyMessageLog;
          for (let i = 0; i < order.length; i += batch) {
            log = mergeStored(log, order.slice(i, i + batch).map((d) => message(d.seq)));
          }
          expect(log.stored.map((m) => m.seq)).toEqual([...seqs].sort((a, b) => a - b));
        },
      ),
    );
  });
});
