import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import { loadConfig } from '../../bot/config';
import { startService, type RunningService, type ServiceOverrides } from '../../bot/service';

/** A service started for a test, with its own data folder. */
export interface TestService extends RunningService {
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts the real service on an ephemeral loopback port with a fresh data folder. `overrides` swaps in test
 * parts (a recording telemetry, an answerer).
 */
export async function startTestService(
  env: Record<string, string> = {},
  botCredentialsFactory?: ServiceClientCredentialsFactory,
  overrides: Pick<
    ServiceOverrides,
    'telemetry' | 'answerer' | 'outboxWorker' | 'outboxClock' | 'now' | 'onlineMeetings' | 'nudgeTickMs'
  > = {},
): Promise<TestService> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-test-'));
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...env });
  const service = await startService(config, {
    inviteUpdateWindowMs: 300,
    ...overrides,
    ...(botCredentialsFactory ? { botCredentialsFactory } : {}),
  });
  return {
    ...service,
    dataDir,
    stop: async () => {
      await service.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** POSTs JSON and returns status and parsed body. */
export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: await readBody(response) };
}

/** GETs and returns status and parsed body. */
export async function getJson(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, { headers });
  return { status: response.status, body: await readBody(response) };
}

async function readBody(response: Response): Promise<Record<string, unknown>> {
  const text = await response.text();
  if (text === '') return {};
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { raw: text };
  }
}

/** A token for a local user, from the service's own local issuer. */
export async function localToken(service: RunningService, name: string, role = 'manager'): Promise<string> {
  const result = await postJson(`${service.url}/api/dev/token`, { name, role });
  if (result.status !== 200) throw new Error(`dev token failed: ${JSON.stringify(result.body)}`);
  return result.body.token as string;
}

/** Creates a circle through the API with a facilitator's token and returns its id; throws when refused. */
export async function createCircle(
  service: RunningService,
  token: string,
  draft: Record<string, unknown>,
): Promise<string> {
  const created = await postJson(`${service.url}/api/circles`, draft, { authorization: `Bearer ${token}` });
  if (created.status !== 201) throw new Error(`creating a circle failed: ${JSON.stringify(created.body)}`);
  return created.body.id as string;
}

/** Books the token's person on a circle through the API; returns the HTTP status. */
export async function bookCircle(service: RunningService, circleId: string, token: string): Promise<number> {
  return (
    await postJson(
      `${service.url}/api/circles/${circleId}/bookings`,
      {},
      { authorization: `Bearer ${token}` },
    )
  ).status;
}

/** A clock for the outbox, nudges and reminders that a test moves by hand (timers still run in real time). */
export interface MovableClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Sets the clock to an instant. */
  set(at: Date): void;
  /** Moves the clock on. */
  advance(ms: number): void;
}

/** A movable clock starting at `start`. */
export function movableClock(start: Date): MovableClock {
  let offset = start.getTime() - Date.now();
  return {
    now: () => Date.now() + offset,
    sleep: (ms) =>
      new Promise((resolve) => {
        setTimeout(resolve, Math.max(0, Math.min(ms, 50))).unref();
      }),
    set: (at) => {
      offset = at.getTime() - Date.now();
    },
    advance: (ms) => {
      offset += ms;
    },
  };
}
