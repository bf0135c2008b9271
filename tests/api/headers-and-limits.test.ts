import { randomUUID } from 'node:crypto';
import { MemoryRateLimiter } from '../../core/rate-limit';
import { cardActionActivity } from '../support/activities';
import { localToken, postJson, startTestService, type TestService } from '../support/service';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('headers on every API answer', () => {
  let service: TestService;
  let token: string;

  beforeAll(async () => {
    service = await startTestService();
    token = await localToken(service, 'Hedda Headers');
  });
  afterAll(() => service.stop());

  it.each([
    ['a success', '/api/me', true],
    ['a 401', '/api/me', false],
    ['a 404 from the router', '/api/no-such-route', true],
    ['a 400', '/api/circles?from=yesterday', true],
    ['the public tab settings', '/api/tab-settings', false],
    ['the health check', '/healthz', false],
  ])('sends Cache-Control: no-store and nosniff on %s', async (_label, path, signedIn) => {
    const response = await fetch(`${service.url}${path}`, signedIn ? { headers: bearer(token) } : {});
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });
});

describe('HSTS in production', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      BOT_ID: '99999999-8888-4777-8666-555555555555',
      BOT_PASSWORD: 'not-a-real-secret',
      BOT_TENANT_ID: '11111111-2222-4333-8444-555555555555',
      TAB_TENANT_ID: '11111111-2222-4333-8444-555555555555',
      TAB_AUDIENCE: '66666666-7777-4888-8999-000000000000',
      TAB_JWKS_URL: 'http://127.0.0.1:9/keys',
    });
  });
  afterAll(() => service.stop());

  it('sends Strict-Transport-Security on API answers and the tab', async () => {
    for (const path of ['/api/tab-settings', '/api/me', '/tab/']) {
      const response = await fetch(`${service.url}${path}`);
      expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    }
  });
});

describe('rate limits', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService({
      RATE_LIMIT_PERSON_PER_MINUTE: '60',
      RATE_LIMIT_PERSON_BURST: '10',
      RATE_LIMIT_IP_PER_MINUTE: '60',
      RATE_LIMIT_IP_BURST: '5',
    });
  });
  afterAll(() => service.stop());

  it('answers a script that runs past a person’s budget with 429 RATE_LIMITED and Retry-After, and not anyone else', async () => {
    const script = await localToken(service, 'Scripty McScript');
    const human = await localToken(service, 'Hugh Human');
    const statuses: number[] = [];
    let refused: Response | undefined;
    for (let i = 0; i < 15; i++) {
      const response = await fetch(`${service.url}/api/me`, { headers: bearer(script) });
      statuses.push(response.status);
      if (response.status === 429) refused ??= response;
      else await response.arrayBuffer();
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
    expect(statuses.slice(10)).toContain(429);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await refused?.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect((await fetch(`${service.url}/api/me`, { headers: bearer(human) })).status).toBe(200);
  });

  it('limits the public tab settings per client address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await fetch(`${service.url}/api/tab-settings`)).status);
    expect(statuses.slice(0, 5)).toEqual(Array(5).fill(200));
    expect(statuses.slice(5)).toContain(429);
  });

  it('refills a budget over time (the limiter behind its port, time passed in)', () => {
    const limiter = new MemoryRateLimiter({ perMinute: 60, burst: 2 });
    const start = new Date('2027-01-01T00:00:00Z');
    expect(limiter.take('a', start)).toEqual({ allowed: true });
    expect(limiter.take('a', start)).toEqual({ allowed: true });
    expect(limiter.take('a', start)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.take('b', start)).toEqual({ allowed: true });
    expect(limiter.take('a', new Date(start.getTime() + 1000))).toEqual({ allowed: true });
  });
});

describe('guide votes: once per person per guide', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(() => service.stop());

  const tally = async (guideId: string) =>
    (await service.stores.feedback.guideFeedback()).find((row) => row.guideId === guideId);

  it('counts one person voting 100 times on a guide as one vote, the latest replacing the earlier', async () => {
    const voter = await localToken(service, 'Vera Votes');
    const other = await localToken(service, 'Otto Other');
    const url = `${service.url}/api/guides/huddles-that-help/feedback`;
    for (let i = 0; i < 100; i++) {
      const vote = await postJson(url, { helpful: true, voteId: randomUUID() }, bearer(voter));
      expect(vote.status).toBe(200);
    }
    expect(await tally('huddles-that-help')).toEqual({
      guideId: 'huddles-that-help',
      helpful: 1,
      notHelpful: 0,
    });
    await postJson(url, { helpful: false, voteId: randomUUID() }, bearer(voter));
    await postJson(url, { helpful: true, voteId: randomUUID() }, bearer(other));
    expect(await tally('huddles-that-help')).toEqual({
      guideId: 'huddles-that-help',
      helpful: 1,
      notHelpful: 1,
    });
  });

  it('keeps one vote per person from "Was this helpful?" in Teams too', async () => {
    const serviceUrl = 'http://127.0.0.1:9/';
    for (const helpful of [true, true, false]) {
      const invoke = cardActionActivity({ serviceUrl }, 'guideFeedback', {
        guideId: 'react-conversation',
        helpful,
      });
      expect((await postJson(`${service.url}/api/messages`, invoke)).status).toBe(200);
    }
    expect(await tally('react-conversation')).toEqual({
      guideId: 'react-conversation',
      helpful: 0,
      notHelpful: 1,
    });
  });
});
