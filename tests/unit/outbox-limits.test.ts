import { backoffMs, decide, SendLimits } from '../../core/outbox/limits';

/** Sends as fast as the limiter allows from `start` for `count` sends; returns the send times. */
function drain(
  limits: SendLimits,
  conversation: (index: number) => string,
  count: number,
  start = 0,
): number[] {
  const times: number[] = [];
  let now = start;
  for (let index = 0; index < count; index += 1) {
    now = limits.nextAllowed('t', conversation(index), now);
    limits.record('t', conversation(index), now);
    times.push(now);
  }
  return times;
}

/** The most sends in any window of `windowMs` (a send exactly windowMs later is in the next window). */
function most(times: number[], windowMs: number): number {
  let best = 0;
  for (let end = 0, start = 0; end < times.length; end += 1) {
    while ((times[start] ?? 0) <= (times[end] ?? 0) - windowMs) start += 1;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

describe("Teams' send limits", () => {
  it('keeps one conversation within 7 a second, 60 in 30 s and 1,800 an hour', () => {
    const times = drain(new SendLimits({ perTenantPerSecond: 50, slack: 0 }), () => 'a:one', 2000);
    expect(most(times, 1000)).toBe(7);
    expect(most(times, 30_000)).toBe(60);
    expect(most(times, 3_600_000)).toBe(1800);
  });

  it('keeps a tenant within its global rate across many conversations, and uses all of it', () => {
    const times = drain(new SendLimits({ perTenantPerSecond: 40, slack: 0 }), (index) => `a:${index}`, 4000);
    expect(most(times, 1000)).toBe(40);
    const seconds = ((times[times.length - 1] ?? 0) - (times[0] ?? 0)) / 1000;
    expect(4000 / seconds).toBeGreaterThan(39);
  });

  it('holds every window a little longer than Teams does, for network jitter', () => {
    const times = drain(new SendLimits({ perTenantPerSecond: 10, slack: 0.05 }), (index) => `a:${index}`, 11);
    expect((times[10] ?? 0) - (times[0] ?? 0)).toBe(1050);
  });

  it('pauses a whole tenant after a 429 until Retry-After has passed', () => {
    const limits = new SendLimits({ perTenantPerSecond: 50 });
    limits.pauseTenant('t', 5000);
    expect(limits.nextAllowed('t', 'a:x', 1000)).toBe(5000);
    expect(limits.nextAllowed('other', 'a:y', 1000)).toBe(1000);
  });

  it('counts a slow request from when it finished', () => {
    const limits = new SendLimits({ perTenantPerSecond: 1, slack: 0 });
    limits.record('t', 'a:x', 0);
    limits.complete('t', 'a:x', 0, 300);
    expect(limits.nextAllowed('t', 'a:y', 1000)).toBe(1300);
  });
});

describe('what a send outcome leads to', () => {
  const policy = { maxAttempts: 3, baseMs: 1000, maxMs: 60_000, random: () => 0.5 };

  it('waits Retry-After on 429 without using an attempt, and pauses the tenant as long', () => {
    expect(decide({ ok: false, status: 429, retryAfterMs: 7000 }, 1, policy)).toEqual({
      action: 'retry',
      delayMs: 7000,
      refund: true,
      pauseTenantMs: 7000,
    });
  });

  it('retries 412, 502, 503, 504 and network errors with growing backoff, then fails', () => {
    for (const status of [412, 502, 503, 504, 'network'] as const) {
      expect(decide({ ok: false, status }, 1, policy)).toMatchObject({ action: 'retry', refund: false });
    }
    expect(decide({ ok: false, status: 503 }, 3, policy)).toEqual({ action: 'fail' });
    expect(backoffMs(1, 1000, 60_000, () => 1)).toBe(1000);
    expect(backoffMs(3, 1000, 60_000, () => 1)).toBe(4000);
    expect(backoffMs(3, 1000, 60_000, () => 0)).toBe(2000);
    expect(backoffMs(20, 1000, 60_000, () => 1)).toBe(60_000);
  });

  it('retires the conversation on 403 and 404, and fails other client errors at once', () => {
    expect(decide({ ok: false, status: 403 }, 1, policy)).toEqual({ action: 'retire' });
    expect(decide({ ok: false, status: 404 }, 1, policy)).toEqual({ action: 'retire' });
    expect(decide({ ok: false, status: 400 }, 1, policy)).toEqual({ action: 'fail' });
  });
});
