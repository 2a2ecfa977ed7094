import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './loginThrottle.js';
import { TestClock } from '../testing/testClock.js';

function throttle() {
  const clock = new TestClock(Date.UTC(2026, 11, 2, 9));
  const waited: number[] = [];
  const t = new LoginThrottle(clock, undefined, async (ms) => {
    waited.push(ms);
  });
  return { clock, t, waited };
}

describe('login throttle', () => {
  it('lets the real counsellor in from her own address after strangers failed on her account from six others', async () => {
    const { t } = throttle();
    for (let i = 1; i <= 6; i++) {
      expect(await t.allow('anna', `203.0.113.${i}`)).toBe(true);
      t.fail('anna', `203.0.113.${i}`);
    }
    expect(await t.allow('anna', '198.51.100.7')).toBe(true);
  });

  it('holds back one address that keeps failing on one account, and only that pair', async () => {
    const { t, clock } = throttle();
    for (let i = 0; i < 5; i++) t.fail('anna', '203.0.113.1');
    expect(await t.allow('anna', '203.0.113.1')).toBe(false);
    expect(await t.allow('anna', '198.51.100.7')).toBe(true);
    expect(await t.allow('bert', '203.0.113.1')).toBe(true);
    clock.t += 31_000;
    expect(await t.allow('anna', '203.0.113.1')).toBe(true);
  });

  it('holds back one address trying many accounts', async () => {
    const { t } = throttle();
    for (let i = 0; i < 30; i++) t.fail(`user${i}`, '203.0.113.1');
    expect(await t.allow('someone-new', '203.0.113.1')).toBe(false);
    expect(await t.allow('someone-new', '198.51.100.7')).toBe(true);
  });

  it('slows a distributed attack on one account slowly and to a cap, never blocking it, and not for an address she signed in from', async () => {
    const { t, waited } = throttle();
    t.succeed('anna', '198.51.100.7');
    for (let i = 0; i < 200; i++) t.fail('anna', `203.0.${Math.floor(i / 250)}.${i % 250}`);
    expect(t.accountDelayFor('anna', '192.0.2.1')).toBe(5_000);
    expect(await t.allow('anna', '192.0.2.1')).toBe(true);
    expect(waited).toEqual([5_000]);
    expect(t.accountDelayFor('anna', '198.51.100.7')).toBe(0);
    expect(await t.allow('anna', '198.51.100.7')).toBe(true);
    expect(waited).toEqual([5_000]);
    // The same for an account name that does not exist: the timing says nothing.
    for (let i = 0; i < 200; i++) t.fail('ghost', `203.0.1.${i % 250}`);
    expect(t.accountDelayFor('ghost', '192.0.2.1')).toBe(5_000);
  });

  it('grows the account delay slowly: one step per failure beyond the free ones', async () => {
    const { t } = throttle();
    const delays: number[] = [];
    for (let i = 0; i < 14; i++) {
      t.fail('anna', `203.0.113.${i}`);
      delays.push(t.accountDelayFor('anna', '192.0.2.1'));
    }
    expect(delays).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 250, 500, 750, 1000]);
  });
});
