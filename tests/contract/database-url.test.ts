import { loadConfig } from '../../bot/config';
import { problemsOf } from '../support/config-problems';

describe('choosing the store from DATABASE_URL', () => {
  it('keeps the embedded SQLite store when DATABASE_URL is unset or empty', () => {
    expect(loadConfig({}).storage).toEqual({ kind: 'sqlite' });
    expect(loadConfig({ DATABASE_URL: '  ' }).storage).toEqual({ kind: 'sqlite' });
  });

  it('uses PostgreSQL over plain TCP with a pool of 10 when the URL names no sslmode', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://lc:pw@db.internal:5432/lc' }).storage).toEqual({
      kind: 'postgres',
      connectionString: 'postgres://lc:pw@db.internal:5432/lc',
      tls: { mode: 'disable', caFile: undefined },
      poolSize: 10,
    });
  });

  it('takes the pool size from DATABASE_POOL_SIZE and refuses one that is not a whole number from 1 to 100', () => {
    const url = 'postgresql://lc@db/lc';
    expect(loadConfig({ DATABASE_URL: url, DATABASE_POOL_SIZE: '25' }).storage).toMatchObject({
      poolSize: 25,
    });
    for (const bad of ['0', '101', '2.5', 'lots']) {
      expect(problemsOf({ DATABASE_URL: url, DATABASE_POOL_SIZE: bad }).join('\n')).toMatch(
        /^DATABASE_POOL_SIZE:/m,
      );
    }
  });

  it('turns sslmode and sslrootcert into TLS settings and keeps them out of the URL handed to the driver', () => {
    const storage = loadConfig({
      DATABASE_URL:
        'postgres://lc:pw@lc.postgres.database.azure.com/lc?sslmode=verify-full&sslrootcert=/etc/ssl/azure.pem&application_name=lc-bot',
    }).storage;
    expect(storage).toEqual({
      kind: 'postgres',
      connectionString: 'postgres://lc:pw@lc.postgres.database.azure.com/lc?application_name=lc-bot',
      tls: { mode: 'verify-full', caFile: '/etc/ssl/azure.pem' },
      poolSize: 10,
    });
    for (const mode of ['disable', 'no-verify', 'require', 'verify-ca'] as const) {
      expect(loadConfig({ DATABASE_URL: `postgres://db/lc?sslmode=${mode}` }).storage).toMatchObject({
        tls: { mode },
      });
    }
  });

  it('refuses sslmode=prefer and allow, naming what to use instead', () => {
    for (const mode of ['prefer', 'allow']) {
      const problems = problemsOf({ DATABASE_URL: `postgres://db/lc?sslmode=${mode}` }).join('\n');
      expect(problems).toMatch(/^DATABASE_URL: sslmode=\w+ is not supported/m);
      expect(problems).toMatch(/sslmode=require or verify-full/);
    }
  });

  it('refuses an unknown sslmode, TLS parameters it does not support and a CA file without TLS', () => {
    expect(problemsOf({ DATABASE_URL: 'postgres://db/lc?sslmode=always' }).join('\n')).toMatch(
      /DATABASE_URL: sslmode must be one of disable, no-verify, require, verify-ca, verify-full/,
    );
    expect(problemsOf({ DATABASE_URL: 'postgres://db/lc?sslcert=/c.pem&sslkey=/k.pem' }).join('\n')).toMatch(
      /DATABASE_URL: sslcert, sslkey is not supported/,
    );
    expect(problemsOf({ DATABASE_URL: 'postgres://db/lc?sslrootcert=/ca.pem' }).join('\n')).toMatch(
      /DATABASE_URL: sslrootcert needs sslmode=require/,
    );
  });

  it('refuses what is not a postgres:// URL without repeating it, since it may hold a password', () => {
    const notUrl = problemsOf({ DATABASE_URL: 'host=db user=lc password=hunter2' }).join('\n');
    expect(notUrl).toMatch(/^DATABASE_URL: is not a URL/m);
    expect(notUrl).not.toMatch(/hunter2/);
    const mysql = problemsOf({ DATABASE_URL: 'mysql://lc:hunter2@db/lc' }).join('\n');
    expect(mysql).toMatch(/^DATABASE_URL: must start with postgres:\/\/ or postgresql:\/\//m);
    expect(mysql).not.toMatch(/hunter2/);
  });
});
