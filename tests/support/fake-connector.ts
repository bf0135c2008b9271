// restify patches http.ServerResponse in-process, so writeHead() is not chained here.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the bot sent to the fake Bot Connector. */
export interface RecordedCall {
  method: string;
  path: string;
  conversationId: string;
  replyToId: string | undefined;
  authorization: string | undefined;
  body: Record<string, unknown>;
}

/** Teams' limits as the fake enforces them: per tenant (all requests here) and per conversation. */
export interface ConnectorLimits {
  perSecond: number;
  conversation: { count: number; windowMs: number }[];
  /** What a 429 carries in Retry-After, in seconds. */
  retryAfterSeconds: number;
}

/** An injected failure: an HTTP status (with Retry-After for a 429), or a dropped connection. */
export type InjectedFailure = number | 'network';

/**
 * A local stand-in for the Bot Connector service: records what the bot sends to
 * POST /v3/conversations/{id}/activities[/{replyToId}] and answers like the real one. With `enforce`, it holds
 * the bot to Teams' limits the way Teams does: a request over a limit is refused with 429 and Retry-After, and
 * counted in `violations`.
 */
export class FakeConnector {
  readonly calls: RecordedCall[] = [];
  /** Every request that reached the fake, answered or refused, with its arrival time (ms) and conversation. */
  readonly requests: { at: number; conversationId: string; status: number | 'network' }[] = [];
  /** Requests refused because the bot broke a limit. */
  violations = 0;
  private server: http.Server | undefined;
  private waiters: { count: number; resolve: () => void }[] = [];
  private failures: InjectedFailure[] = [];
  private readonly alwaysFail = new Map<string, number>();
  private limits: ConnectorLimits | undefined;
  private readonly arrivals: number[] = [];
  private readonly arrivalsByConversation = new Map<string, number[]>();

  /** Answers the next sends with these HTTP statuses (for 403/404/429 handling), then recovers. */
  failNext(...statuses: InjectedFailure[]): void {
    this.failures.push(...statuses);
  }

  /** Answers every request to one conversation with this status, for good. */
  failConversation(conversationId: string, status: number): void {
    this.alwaysFail.set(conversationId, status);
  }

  /** Stops failing a conversation given to failConversation: it answers normally again. */
  heal(conversationId: string): void {
    this.alwaysFail.delete(conversationId);
  }

  /** Enforces Teams' limits from now on (the documented ones unless given). */
  enforce(limits: Partial<ConnectorLimits> = {}): void {
    this.limits = {
      perSecond: 50,
      conversation: [
        { count: 7, windowMs: 1000 },
        { count: 60, windowMs: 30_000 },
        { count: 1800, windowMs: 3_600_000 },
      ],
      retryAfterSeconds: 1,
      ...limits,
    };
  }

  /** The most requests that arrived in any one-second window (the peak rate). */
  peakPerSecond(): number {
    const times = this.requests.map((request) => request.at).sort((a, b) => a - b);
    let peak = 0;
    let start = 0;
    for (let end = 0; end < times.length; end += 1) {
      while ((times[start] ?? 0) <= (times[end] ?? 0) - 1000) start += 1;
      peak = Math.max(peak, end - start + 1);
    }
    return peak;
  }

  /** True when this request breaks a limit (counting only requests that were let through). */
  private overLimit(conversationId: string, now: number): boolean {
    const limits = this.limits;
    if (!limits) return false;
    const inWindow = (times: number[], windowMs: number) =>
      times.filter((time) => time > now - windowMs).length;
    if (inWindow(this.arrivals, 1000) >= limits.perSecond) return true;
    const mine = this.arrivalsByConversation.get(conversationId) ?? [];
    return limits.conversation.some((limit) => inWindow(mine, limit.windowMs) >= limit.count);
  }

  private admit(conversationId: string, now: number): void {
    this.arrivals.push(now);
    while ((this.arrivals[0] ?? now) <= now - 1000) this.arrivals.shift();
    const mine = this.arrivalsByConversation.get(conversationId) ?? [];
    mine.push(now);
    this.arrivalsByConversation.set(conversationId, mine);
  }

  /** Starts on an ephemeral loopback port; returns the serviceUrl to put on activities. */
  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => this.record(req, Buffer.concat(chunks).toString('utf8'), res));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/`;
  }

  private record(req: http.IncomingMessage, text: string, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(url.pathname);
    if ((req.method !== 'POST' && req.method !== 'PUT') || !match?.[1]) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":{"code":"NotFound"}}');
      return;
    }
    const conversationId = decodeURIComponent(match[1]);
    const now = Date.now();
    const failure = this.failures.shift() ?? this.alwaysFail.get(conversationId);
    if (failure === 'network') {
      this.requests.push({ at: now, conversationId, status: 'network' });
      res.destroy();
      return;
    }
    if (failure === undefined && this.overLimit(conversationId, now)) {
      this.violations += 1;
      this.requests.push({ at: now, conversationId, status: 429 });
      res.writeHead(429, {
        'content-type': 'application/json',
        'retry-after': String(this.limits?.retryAfterSeconds ?? 1),
      });
      res.end(JSON.stringify({ error: { code: 'TooManyRequests', message: 'limit' } }));
      return;
    }
    this.requests.push({ at: now, conversationId, status: failure ?? 200 });
    if (failure !== undefined) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (failure === 429) headers['retry-after'] = '1';
      res.writeHead(failure, headers);
      res.end(
        JSON.stringify({
          error: { code: failure === 403 ? 'ConversationBlockedByUser' : 'Failed', message: 'injected' },
        }),
      );
      return;
    }
    this.admit(conversationId, now);
    this.calls.push({
      method: req.method,
      path: url.pathname,
      conversationId,
      replyToId: match[2] === undefined ? undefined : decodeURIComponent(match[2]),
      authorization: req.headers.authorization,
      body: JSON.parse(text) as Record<string, unknown>,
    });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: `reply-${this.calls.length}` }));
    this.waiters = this.waiters.filter((waiter) => {
      if (this.calls.length < waiter.count) return true;
      waiter.resolve();
      return false;
    });
  }

  /** Resolves once at least `count` calls have been recorded (or rejects after a timeout). */
  async waitForCalls(count: number, timeoutMs = 5000): Promise<RecordedCall[]> {
    if (this.calls.length < count) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`expected ${count} calls, saw ${this.calls.length}`)),
          timeoutMs,
        );
        this.waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    }
    return this.calls;
  }

  /** The adaptive card content of a recorded call. */
  static cardOf(call: RecordedCall | undefined): Record<string, unknown> {
    const attachments = call?.body.attachments as
      { contentType: string; content: Record<string, unknown> }[] | undefined;
    const attachment = attachments?.[0];
    if (attachment?.contentType !== 'application/vnd.microsoft.card.adaptive')
      throw new Error('no adaptive card');
    return attachment.content;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
