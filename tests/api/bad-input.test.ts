import { getJson, startTestService, type TestService } from '../support/service';

interface Attempt {
  label: string;
  method: string;
  path: string;
  body?: string;
  contentType?: string;
  status: number;
  code: string;
}

const big = JSON.stringify({ type: 'message', text: 'x'.repeat(300 * 1024) });

const attempts: Attempt[] = [
  {
    label: 'malformed JSON to the bot',
    method: 'POST',
    path: '/api/messages',
    body: '{"type":',
    status: 400,
    code: 'BAD_JSON',
  },
  {
    label: 'an empty body to the bot',
    method: 'POST',
    path: '/api/messages',
    body: '',
    status: 400,
    code: 'BAD_JSON',
  },
  {
    label: 'a JSON array to the bot',
    method: 'POST',
    path: '/api/messages',
    body: '[1,2]',
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    label: 'an activity with wrong types',
    method: 'POST',
    path: '/api/messages',
    body: '{"type":42,"conversation":"x"}',
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    label: 'an oversized activity',
    method: 'POST',
    path: '/api/messages',
    body: big,
    status: 413,
    code: 'BODY_TOO_LARGE',
  },
  {
    label: 'form data to the bot',
    method: 'POST',
    path: '/api/messages',
    body: 'a=b',
    contentType: 'application/x-www-form-urlencoded',
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    label: 'GET on the bot endpoint',
    method: 'GET',
    path: '/api/messages',
    status: 405,
    code: 'METHOD_NOT_ALLOWED',
  },
  {
    label: 'malformed JSON for a dev token',
    method: 'POST',
    path: '/api/dev/token',
    body: '{name:',
    status: 400,
    code: 'BAD_JSON',
  },
  {
    label: 'wrong types for a dev token',
    method: 'POST',
    path: '/api/dev/token',
    body: '{"name":7,"role":true}',
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    label: 'unknown fields for a dev token',
    method: 'POST',
    path: '/api/dev/token',
    body: '{"name":"A","role":"admin","userId":"x"}',
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    label: 'an over-long name for a dev token',
    method: 'POST',
    path: '/api/dev/token',
    body: JSON.stringify({ name: 'a'.repeat(81), role: 'manager' }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    label: 'an oversized dev token request',
    method: 'POST',
    path: '/api/dev/token',
    body: JSON.stringify({ name: 'a'.repeat(20000), role: 'manager' }),
    status: 413,
    code: 'BODY_TOO_LARGE',
  },
  { label: 'an unknown API route', method: 'GET', path: '/api/nothing-here', status: 404, code: 'NOT_FOUND' },
  {
    label: 'an unknown top-level route',
    method: 'POST',
    path: '/wp-admin',
    body: '{}',
    status: 404,
    code: 'NOT_FOUND',
  },
  { label: 'a missing tab file', method: 'GET', path: '/tab/missing.js', status: 404, code: 'NOT_FOUND' },
  {
    label: 'a path-traversal attempt',
    method: 'GET',
    path: '/tab/..%2f..%2fpackage.json',
    status: 403,
    code: 'FORBIDDEN',
  },
  { label: 'DELETE on /api/me', method: 'DELETE', path: '/api/me', status: 405, code: 'METHOD_NOT_ALLOWED' },
];

describe('bad input at every door', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(async () => {
    await service.stop();
  });

  it.each(attempts)('answers $label with $status $code', async (attempt) => {
    const response = await fetch(`${service.url}${attempt.path}`, {
      method: attempt.method,
      headers:
        attempt.body === undefined ? {} : { 'content-type': attempt.contentType ?? 'application/json' },
      ...(attempt.body === undefined ? {} : { body: attempt.body }),
    });
    expect(response.status).toBe(attempt.status);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe(attempt.code);
    expect(body.error.message.length).toBeGreaterThan(0);
  });

  it('is still healthy after all of that', async () => {
    const response = await getJson(`${service.url}/healthz`);
    expect(response).toEqual({ status: 200, body: { status: 'ok' } });
  });
});

describe('the health check', () => {
  it('answers 503 STORE_UNAVAILABLE when the store cannot answer', async () => {
    const service = await startTestService();
    await service.stores.close();
    const response = await getJson(`${service.url}/healthz`);
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ error: { code: 'STORE_UNAVAILABLE' } });
    await service.stop();
  });
});
