/**
 * Teams' send limits as pure arithmetic, with time passed in (milliseconds since the epoch). The sender asks
 * `nextAllowed` before each send and `record`s each send; a 429 pauses the whole tenant.
 */

/** One sliding-window limit: at most `count` sends in any `windowMs`. */
export interface WindowLimit {
  count: number;
  windowMs: number;
}

/** Teams' documented per-conversation (per bot per thread) limits: 7 a second, 60 in 30 s, 1,800 an hour. */
export const TEAMS_CONVERSATION_LIMITS: readonly WindowLimit[] = [
  { count: 7, windowMs: 1000 },
  { count: 60, windowMs: 30_000 },
  { count: 1800, windowMs: 3_600_000 },
];

/** Teams' documented global limit: 50 requests a second per app per tenant. */
export const TEAMS_TENANT_LIMIT_PER_SECOND = 50;

/** What the limiter enforces. */
export interface SendLimitOptions {
  /** Sends a second per tenant (SEND_RATE_PER_SECOND). */
  perTenantPerSecond: number;
  conversationLimits?: readonly WindowLimit[];
  /**
   * Each window is held this much longer than Teams' (a share; default 0.01 = 1%). Jitter is covered by counting
   * each request from when it finished (`complete`), which is never before Teams saw it; the slack only absorbs
   * rounding in how Teams measures its windows.
   */
  slack?: number;
}

/** The earliest time a new send fits under every limit, given the sorted times of earlier sends. */
function fitAfter(times: readonly number[], limits: readonly WindowLimit[], now: number): number {
  let at = now;
  for (const limit of limits) {
    if (times.length < limit.count) continue;
    const oldestInWindow = times[times.length - limit.count] ?? 0;
    at = Math.max(at, oldestInWindow + limit.windowMs);
  }
  return at;
}

/** Sliding-window logs per tenant and per conversation, and a pause per tenant after a 429. */
export class SendLimits {
  private readonly tenantLimits: WindowLimit[];
  private readonly conversationLimits: WindowLimit[];
  private readonly longestWindowMs: number;
  private readonly tenants = new Map<string, number[]>();
  private readonly conversations = new Map<string, number[]>();
  private readonly pausedUntil = new Map<string, number>();

  constructor(options: SendLimitOptions) {
    const stretch = 1 + (options.slack ?? 0.01);
    const stretched = (limit: WindowLimit) => ({
      count: limit.count,
      windowMs: Math.ceil(limit.windowMs * stretch),
    });
    this.tenantLimits = [
      stretched({ count: Math.max(1, Math.floor(options.perTenantPerSecond)), windowMs: 1000 }),
    ];
    this.conversationLimits = (options.conversationLimits ?? TEAMS_CONVERSATION_LIMITS).map(stretched);
    this.longestWindowMs = Math.max(
      ...this.conversationLimits.map((limit) => limit.windowMs),
      1000 * stretch,
    );
  }

  /** The earliest time (≥ now) a send to this conversation in this tenant keeps within every limit. */
  nextAllowed(tenant: string, conversation: string, now: number): number {
    return Math.max(
      now,
      this.pausedUntil.get(tenant) ?? 0,
      fitAfter(this.tenants.get(tenant) ?? [], this.tenantLimits, now),
      fitAfter(this.conversations.get(conversation) ?? [], this.conversationLimits, now),
    );
  }

  /** Records a send made at `now` (call only when nextAllowed(…) ≤ now). */
  record(tenant: string, conversation: string, now: number): void {
    this.push(this.tenants, tenant, now, 1000 * 2);
    this.push(this.conversations, conversation, now, this.longestWindowMs);
  }

  /**
   * The request recorded at `sentAt` finished at `now`: Teams saw it somewhere in between, so it counts from the
   * later time. Keeps a slow request from letting the next window's sends arrive too close behind it.
   */
  complete(tenant: string, conversation: string, sentAt: number, now: number): void {
    for (const [logs, key] of [
      [this.tenants, tenant],
      [this.conversations, conversation],
    ] as const) {
      const times = logs.get(key);
      if (!times) continue;
      const index = times.lastIndexOf(sentAt);
      if (index < 0) continue;
      times.splice(index, 1);
      let at = times.length;
      while (at > 0 && (times[at - 1] ?? 0) > now) at -= 1;
      times.splice(at, 0, now);
    }
  }

  /** Teams answered 429: nothing more goes to this tenant before `until`. */
  pauseTenant(tenant: string, until: number): void {
    this.pausedUntil.set(tenant, Math.max(until, this.pausedUntil.get(tenant) ?? 0));
  }

  /** Drops conversations with no send in the longest window, so memory follows recent traffic only. */
  prune(now: number): void {
    for (const [key, times] of this.conversations) {
      const last = times[times.length - 1] ?? 0;
      if (now - last > this.longestWindowMs) this.conversations.delete(key);
    }
    for (const [tenant, until] of this.pausedUntil) if (until <= now) this.pausedUntil.delete(tenant);
  }

  private push(logs: Map<string, number[]>, key: string, now: number, keepMs: number): void {
    const times = logs.get(key) ?? [];
    times.push(now);
    let drop = 0;
    while (drop < times.length && (times[drop] ?? 0) <= now - keepMs) drop += 1;
    if (drop > 0) times.splice(0, drop);
    logs.set(key, times);
  }
}

/** How long to wait before attempt `attempt + 1` after a transient failure: exponential, capped, full jitter. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** What the sender does with a send's outcome. */
export type SendDecision =
  | { action: 'sent' }
  | { action: 'retry'; delayMs: number; refund: boolean; pauseTenantMs?: number }
  | { action: 'retire' }
  | { action: 'fail' };

/** The classes of send outcome the Bot Connector gives. */
export type SendOutcome =
  { ok: true } | { ok: false; status: number; retryAfterMs?: number } | { ok: false; status: 'network' };

/** Teams' documented retry advice as a decision: 429 waits Retry-After; 412/5xx/network back off; 403/404 retire. */
export function decide(
  outcome: SendOutcome,
  attempts: number,
  policy: { maxAttempts: number; baseMs: number; maxMs: number; random: () => number },
): SendDecision {
  if (outcome.ok) return { action: 'sent' };
  const { status } = outcome;
  if (status === 403 || status === 404) return { action: 'retire' };
  if (status === 429) {
    const wait = outcome.retryAfterMs ?? backoffMs(attempts, policy.baseMs, policy.maxMs, policy.random);
    // Throttling is about the tenant's traffic, not this message: it does not use up the row's attempts.
    return { action: 'retry', delayMs: wait, refund: true, pauseTenantMs: wait };
  }
  const transient = status === 'network' || status === 412 || status === 500 || status >= 502;
  if (!transient || attempts >= policy.maxAttempts) return { action: 'fail' };
  return {
    action: 'retry',
    delayMs: backoffMs(attempts, policy.baseMs, policy.maxMs, policy.random),
    refund: false,
  };
}
