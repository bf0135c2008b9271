import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake saw: the path and its parsed body (form fields or JSON). */
export interface SeenRequest {
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
}

/** How the fake answers the next calls (tests switch it to exercise failures). */
export type FakeGraphMode = 'ok' | 'consent-required' | 'graph-forbidden' | 'graph-fails' | 'bad-link';

/**
 * A fake Entra token endpoint and Microsoft Graph on one loopback server: the token endpoint answers the
 * on-behalf-of grant (checking client, secret, scope and the user's assertion), and `POST /v1.0/me/onlineMeetings`
 * accepts only the access token it issued and returns a `/meet/` join link.
 */
export class FakeGraph {
  private server: http.Server | undefined;
  url = '';
  mode: FakeGraphMode = 'ok';
  readonly seen: SeenRequest[] = [];
  private issued = 0;

  constructor(private readonly expected: { clientId: string; clientSecret: string; tenantId: string }) {}

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => this.answer(req, Buffer.concat(chunks).toString('utf8'), res));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private answer(req: http.IncomingMessage, text: string, res: http.ServerResponse): void {
    const path = req.url ?? '';
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'POST' && path === `/${this.expected.tenantId}/oauth2/v2.0/token`) {
      const form = Object.fromEntries(new URLSearchParams(text));
      this.seen.push({ path, authorization: req.headers.authorization, body: form });
      if (this.mode === 'consent-required') {
        return json(400, {
          error: 'invalid_grant',
          error_description:
            'AADSTS65001: The user or administrator has not consented to use the application.',
          suberror: 'consent_required',
        });
      }
      const valid =
        form.grant_type === 'urn:ietf:params:oauth:grant-type:jwt-bearer' &&
        form.requested_token_use === 'on_behalf_of' &&
        form.client_id === this.expected.clientId &&
        form.client_secret === this.expected.clientSecret &&
        form.scope === 'https://graph.microsoft.com/OnlineMeetings.ReadWrite' &&
        typeof form.assertion === 'string' &&
        form.assertion.split('.').length === 3;
      if (!valid) return json(400, { error: 'invalid_request' });
      this.issued += 1;
      return json(200, {
        token_type: 'Bearer',
        access_token: `graph-token-${this.issued}`,
        expires_in: 3600,
      });
    }
    if (req.method === 'POST' && path === '/v1.0/me/onlineMeetings') {
      const body = JSON.parse(text) as Record<string, unknown>;
      this.seen.push({ path, authorization: req.headers.authorization, body });
      if (req.headers.authorization !== `Bearer graph-token-${this.issued}`) return json(401, { error: {} });
      if (this.mode === 'graph-forbidden') return json(403, { error: { code: 'Forbidden' } });
      if (this.mode === 'graph-fails') return json(500, { error: { code: 'InternalServerError' } });
      const joinWebUrl =
        this.mode === 'bad-link'
          ? 'https://example.org/not-teams'
          : `https://teams.microsoft.com/meet/23456789${this.issued}?p=FakePass${this.issued}`;
      return json(201, { id: `meeting-${this.issued}`, joinWebUrl, subject: body.subject });
    }
    json(404, { error: 'not found' });
  }
}
