import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/** The Agents Playground's command line, pinned to loopback by our preload. */
export function playgroundCommand(botEndpoint: string, port: number): { command: string; args: string[] } {
  return {
    command: process.execPath,
    args: [
      '--require',
      path.join(ROOT, 'scripts', 'loopback-preload.cjs'),
      require.resolve('@microsoft/m365agentsplayground/cli.js'),
      '-e',
      botEndpoint,
      '-c',
      'msteams',
      '-p',
      String(port),
      '--disable-telemetry',
    ],
  };
}

/** A running Agents Playground. */
export interface RunningPlayground {
  url: string;
  stop(): Promise<void>;
}

/** Starts the real Agents Playground against a bot endpoint and waits until its UI answers. */
export async function startPlayground(botEndpoint: string, port: number): Promise<RunningPlayground> {
  const { command, args } = playgroundCommand(botEndpoint, port);
  const child: ChildProcess = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Agents Playground exited early:\n${output}`);
    try {
      const response = await fetch(url);
      if (response.ok) break;
    } catch {
      if (Date.now() > deadline) throw new Error(`Agents Playground did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
