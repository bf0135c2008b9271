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

/**
 * A local stand-in for the Bot Connector service: records what the bot sends to
 * POST /v3/conversations/{id}/activities[/{replyToId}] and answers like the real one.
 */
export class FakeConnector {
  readonly calls: RecordedCall[] = [];
  private server: http.Server | undefined;
  private waiters: { count: number; resolve: () => void }[] = [];
  private failures: number[] = [];

  /** Answers the next sends with these HTTP statuses (for 403/404/429 handling), then recovers. */
  failNext(...statuses: number[]): void {
    this.failures.push(...statuses);
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
    const failure = this.failures.shift();
    if (failure !== undefined) {
      res.writeHead(failure, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: { code: failure === 403 ? 'ConversationBlockedByUser' : 'Failed', message: 'injected' },
        }),
      );
      return;
    }
    this.calls.push({
      method: req.method,
      path: url.pathname,
      conversationId: decodeURIComponent(match[1]),
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
