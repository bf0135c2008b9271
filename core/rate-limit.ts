/** What a rate limiter decides for one request. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * The port every rate limit goes through: one request by `key` (a person or an address) at `now`. The default is
 * in-process (MemoryRateLimiter); a shared store could back it when several instances must share one budget.
 */
export interface RateLimiter {
  take(key: string, now: Date): RateDecision;
}

/** A budget: up to `burst` requests at once, refilled at `perMinute` a minute. */
export interface RateBudget {
  perMinute: number;
  burst: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Buckets kept before full (idle) ones are dropped, so memory stays bounded. */
const MAX_BUCKETS = 10_000;

/** A token-bucket rate limiter in this process's memory, with time passed in. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly budget: RateBudget) {}

  take(key: string, now: Date): RateDecision {
    const time = now.getTime();
    const perMs = this.budget.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.budget.burst, at: time };
    bucket.tokens = Math.min(this.budget.burst, bucket.tokens + Math.max(0, time - bucket.at) * perMs);
    bucket.at = time;
    if (!this.buckets.has(key)) {
      if (this.buckets.size >= MAX_BUCKETS) this.dropIdle(time, perMs);
      this.buckets.set(key, bucket);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
  }

  private dropIdle(time: number, perMs: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (time - bucket.at) * perMs >= this.budget.burst) this.buckets.delete(key);
    }
    if (this.buckets.size >= MAX_BUCKETS) this.buckets.clear();
  }
}
