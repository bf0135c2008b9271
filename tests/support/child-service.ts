import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The built service (`node dist/bot/main.js`) running as a child process, with what it printed. */
export interface ChildService {
  url: string;
  stdout(): string;
  stderr(): string;
  /** Sends SIGTERM and resolves with the exit code once the process has gone. */
  stop(): Promise<number | null>;
  /** Kills the process with SIGKILL (no shutdown of any kind) and resolves once it has gone. */
  kill(): Promise<void>;
}

/**
 * The environment a service starts with: only PATH and HOME from this process, then `env`. NODE_OPTIONS, npm's
 * variables and jest's NODE_ENV are left out, as on a server.
 */
export function serverEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...env };
}

/** Starts `node dist/bot/main.js` in `cwd` with PORT=0 and waits for the address it prints. */
export async function startChildService(cwd: string, env: Record<string, string>): Promise<ChildService> {
  const child: ChildProcess = spawn(process.execPath, ['dist/bot/main.js'], {
    cwd,
    env: serverEnv({ HOST: '127.0.0.1', PORT: '0', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 60_000;
  let url: string | undefined;
  while (!url) {
    url = /listening on (http:\/\/[^\s]+)/.exec(stdout)?.[1];
    if (url) break;
    if (child.exitCode !== null)
      throw new Error(`The service exited with ${child.exitCode}:\n${stdout}\n${stderr}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The service did not start within 60 s:\n${stdout}\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    stdout: () => stdout,
    stderr: () => stderr,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** An Application Insights ingestion endpoint on loopback that accepts everything and counts what it got. */
export class TelemetrySink {
  private server: http.Server | undefined;
  requests = 0;
  url = '';

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      this.requests += 1;
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ itemsReceived: 1, itemsAccepted: 1, errors: [] }));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  /** A connection string that sends telemetry here. */
  connectionString(): string {
    return `InstrumentationKey=00000000-0000-4000-8000-000000000000;IngestionEndpoint=${this.url}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
