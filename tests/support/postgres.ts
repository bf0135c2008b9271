import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import type { PostgresConnectionOptions } from '../../storage/postgres/connection';

const run = promisify(execFile);

/** Where Debian's `postgresql` package puts the server binaries, one folder per major version. */
const DEBIAN_ROOT = '/usr/lib/postgresql';

/** A throw-away PostgreSQL cluster on 127.0.0.1, started by and for one test file. */
export interface TestPostgres {
  readonly port: number;
  /** The folder holding the data directory, the unix socket, the log and (with TLS) the certificate. */
  readonly dir: string;
  /** With TLS: the self-signed certificate (for 127.0.0.1) the server presents, usable as sslrootcert. */
  readonly certificateFile: string | undefined;
  /** A URL for a database on this cluster, as the superuser over TCP on loopback. */
  url(database: string, query?: string): string;
  /** Creates an empty database and returns its URL. */
  createDatabase(prefix: string): Promise<string>;
  /** Drops a database made by createDatabase, ending any session still in it. */
  dropDatabase(url: string): Promise<void>;
  /** Runs SQL as the superuser in the `postgres` database. */
  query<R extends Record<string, unknown>>(sql: string, values?: unknown[]): Promise<R[]>;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
}

/** Connection options for a test database URL: plain TCP unless the URL says otherwise, a small pool. */
export function testOptions(url: string, poolSize = 10): PostgresConnectionOptions {
  return { connectionString: url, tls: { mode: 'disable', caFile: undefined }, poolSize };
}

/** The newest server binaries: POSTGRES_BIN_DIR, else /usr/lib/postgresql/<newest>/bin. */
export function findPostgresBinaries(): string {
  const missing = (where: string) =>
    new Error(
      `PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found ${where}. The PostgreSQL tests start ` +
        "their own throw-away server from Debian's package: install it with `apt-get install -y postgresql` " +
        '(.ci/run does), or set POSTGRES_BIN_DIR to a folder holding initdb and pg_ctl.',
    );
  const hasServer = (dir: string) =>
    ['initdb', 'pg_ctl', 'postgres'].every((bin) => fs.existsSync(path.join(dir, bin)));
  const override = process.env.POSTGRES_BIN_DIR;
  if (override) {
    if (!hasServer(override)) throw missing(`in POSTGRES_BIN_DIR (${override})`);
    return override;
  }
  const versions = fs.existsSync(DEBIAN_ROOT)
    ? fs
        .readdirSync(DEBIAN_ROOT)
        .filter((name) => /^\d+$/.test(name))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const found = versions.map((version) => path.join(DEBIAN_ROOT, version, 'bin')).find(hasServer);
  if (!found) throw missing(`under ${DEBIAN_ROOT}/*/bin`);
  return found;
}

/** A loopback port nobody is listening on right now. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Runs commands as the user PostgreSQL must run as: `postgres` when we are root (initdb refuses root), else us. */
async function serverUser(): Promise<{
  exec: (file: string, args: string[]) => Promise<string>;
  own: (target: string) => void;
}> {
  const exec = async (file: string, args: string[]) => {
    const { stdout } = await run(file, args, { maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  };
  if (process.getuid?.() !== 0) return { exec, own: () => undefined };
  let ids: { uid: number; gid: number };
  try {
    ids = {
      uid: Number((await exec('id', ['-u', 'postgres'])).trim()),
      gid: Number((await exec('id', ['-g', 'postgres'])).trim()),
    };
  } catch (error) {
    throw new Error(
      'The tests run as root, so PostgreSQL must run as the `postgres` user (initdb refuses root), and there is ' +
        "no such user: install Debian's package with `apt-get install -y postgresql`, which creates it.",
      { cause: error },
    );
  }
  return {
    exec: (file, args) => exec('runuser', ['-u', 'postgres', '--', file, ...args]),
    own: (target) => fs.chownSync(target, ids.uid, ids.gid),
  };
}

/** The server's log, for an error message when it will not start. */
function logTail(logFile: string): string {
  if (!fs.existsSync(logFile)) return '(no server log)';
  return fs.readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n');
}

/**
 * Starts a throw-away cluster: initdb (as `postgres` when we are root) into a fresh temporary folder, then the
 * server on a free port, listening on 127.0.0.1 only, with its unix socket in that folder and durability off
 * (fsync) since nothing outlives the test. With `tls`, a self-signed certificate for 127.0.0.1 is made with
 * openssl and the server accepts TLS as well as plain connections. Fails with `apt-get install -y postgresql`
 * in the message when the binaries are missing.
 */
export async function startTestPostgres(options: { tls?: boolean } = {}): Promise<TestPostgres> {
  const bin = findPostgresBinaries();
  const user = await serverUser();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-pg-'));
  fs.chmodSync(dir, 0o700);
  user.own(dir);
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'postgres.log');
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    await user.exec(path.join(bin, 'initdb'), [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--no-locale',
      '--no-sync',
    ]);
    const settings = [
      `-k '${dir}'`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
    ];
    let certificateFile: string | undefined;
    if (options.tls) {
      certificateFile = path.join(dir, 'server.crt');
      const keyFile = path.join(dir, 'server.key');
      await run('openssl', [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        keyFile,
        '-out',
        certificateFile,
      ]);
      fs.chmodSync(keyFile, 0o600);
      fs.chmodSync(certificateFile, 0o644);
      user.own(keyFile);
      user.own(certificateFile);
      settings.push('-c ssl=on', `-c ssl_cert_file='${certificateFile}'`, `-c ssl_key_file='${keyFile}'`);
    }
    let port = 0;
    for (let attempt = 1; ; attempt += 1) {
      port = await freePort();
      try {
        await user.exec(path.join(bin, 'pg_ctl'), [
          '-D',
          dataDir,
          '-l',
          logFile,
          '-w',
          '-t',
          '120',
          '-o',
          [`-p ${port}`, ...settings].join(' '),
          'start',
        ]);
        break;
      } catch (error) {
        // Another process may have taken the port between our check and the server's bind: try another.
        const log = logTail(logFile);
        if (attempt < 3 && /could not bind|already in use/i.test(log)) continue;
        throw new Error(
          `The throw-away PostgreSQL server did not start on port ${port}. Its log ends:\n${log}`,
          {
            cause: error,
          },
        );
      }
    }
    return await connectCluster({ bin, dir, dataDir, port, certificateFile, user, remove });
  } catch (error) {
    remove();
    throw error;
  }
}

async function connectCluster(cluster: {
  bin: string;
  dir: string;
  dataDir: string;
  port: number;
  certificateFile: string | undefined;
  user: Awaited<ReturnType<typeof serverUser>>;
  remove: () => void;
}): Promise<TestPostgres> {
  const { bin, dir, dataDir, port, user, remove } = cluster;
  const pgCtlStop = (mode: string) =>
    user.exec(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-m', mode, '-w', 'stop']);
  const admin = new Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
  try {
    await admin.connect();
  } catch (error) {
    await pgCtlStop('immediate');
    remove();
    throw error;
  }
  let counter = 0;
  const url = (database: string, query = '') =>
    `postgres://postgres@127.0.0.1:${port}/${database}${query === '' ? '' : `?${query}`}`;
  return {
    port,
    dir,
    certificateFile: cluster.certificateFile,
    url,
    createDatabase: async (prefix) => {
      counter += 1;
      const name = `${prefix.replace(/[^a-z0-9_]/g, '_')}_${counter}`;
      await admin.query(`CREATE DATABASE "${name}"`);
      return url(name);
    },
    dropDatabase: async (databaseUrl) => {
      const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
      await admin.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
    },
    query: async <R extends Record<string, unknown>>(sql: string, values: unknown[] = []) =>
      (await admin.query<R>(sql, values)).rows,
    stop: async () => {
      await admin.end();
      try {
        await pgCtlStop('fast');
      } catch (error) {
        await pgCtlStop('immediate').catch((second: unknown) => {
          throw new Error(`The throw-away PostgreSQL server in ${dir} would not stop.`, {
            cause: [error, second],
          });
        });
      } finally {
        remove();
      }
    },
  };
}
