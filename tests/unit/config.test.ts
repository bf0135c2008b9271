import path from 'node:path';
import { CalendarLinks } from '../../bot/calendar';
import { loadConfig } from '../../bot/config';
import { problemsOf } from '../support/config-problems';

const production = {
  NODE_ENV: 'production',
  BOT_ID: 'app-id',
  BOT_PASSWORD: 'secret',
  BOT_TENANT_ID: 'tenant',
  TAB_TENANT_ID: 'tenant',
  TAB_AUDIENCE: 'api://example.org/app-id',
};

describe('configuration', () => {
  it('runs locally with no variables: loopback, port 3978, local identity, ./data', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ environment: 'development', host: '127.0.0.1', port: 3978 });
    expect(config.dataDir).toBe(path.resolve('data'));
    expect(config.tabAuth.mode).toBe('local');
    expect(config.bot.appId).toBeUndefined();
  });

  it('accepts a complete production configuration, with Entra token rules for the tenant', () => {
    const config = loadConfig(production);
    expect(config.tabAuth).toMatchObject({
      mode: 'entra',
      tenantId: 'tenant',
      audiences: ['api://example.org/app-id'],
      jwksUrl: 'https://login.microsoftonline.com/tenant/discovery/v2.0/keys',
    });
    expect(config.host).toBe('0.0.0.0');
  });

  it('turns on Teams meeting creation with the tab app secret in Entra mode, with Microsoft hosts by default', () => {
    expect(loadConfig(production).meetings).toBeUndefined();
    expect(
      loadConfig({ ...production, TAB_CLIENT_ID: 'app-id', TAB_CLIENT_SECRET: 's3cret' }).meetings,
    ).toEqual({
      clientId: 'app-id',
      clientSecret: 's3cret',
      tenantId: 'tenant',
      loginUrl: 'https://login.microsoftonline.com',
      graphUrl: 'https://graph.microsoft.com',
    });
  });

  it('refuses meeting creation without Entra sign-in, without a client id, or over http in production', () => {
    expect(problemsOf({ TAB_CLIENT_SECRET: 's3cret' }).join('\n')).toMatch(
      /^TAB_CLIENT_SECRET: .*AUTH_MODE=entra/m,
    );
    expect(problemsOf({ ...production, TAB_CLIENT_SECRET: 's3cret' }).join('\n')).toMatch(/^TAB_CLIENT_ID:/m);
    const http = problemsOf({
      ...production,
      TAB_CLIENT_ID: 'app-id',
      TAB_CLIENT_SECRET: 's3cret',
      GRAPH_URL: 'http://graph.example.org',
    });
    expect(http.join('\n')).toMatch(/^GRAPH_URL: must be an https/m);
  });

  it('refuses production without a bot app id, naming BOT_ID', () => {
    const { BOT_ID: _omit, ...env } = production;
    expect(problemsOf(env).join('\n')).toMatch(/^BOT_ID:/m);
  });

  it('refuses production without the tab token settings, naming each', () => {
    const { TAB_TENANT_ID: _t, TAB_AUDIENCE: _a, ...env } = production;
    const problems = problemsOf(env).join('\n');
    expect(problems).toMatch(/TAB_TENANT_ID/);
    expect(problems).toMatch(/TAB_AUDIENCE/);
  });

  it('refuses the local issuer in production', () => {
    expect(problemsOf({ ...production, AUTH_MODE: 'local' }).join('\n')).toMatch(/AUTH_MODE/);
  });

  it('refuses the local demo mode in production', () => {
    expect(problemsOf({ ...production, DEMO_MODE: 'true' }).join('\n')).toMatch(/DEMO_MODE/);
    expect(loadConfig({ DEMO_MODE: 'true' }).demoMode).toBe(true);
    expect(loadConfig({}).demoMode).toBe(false);
  });

  it("sends proactive messages at 25 a second per instance by default (two instances within Teams' 50), and refuses a rate above Teams' 50 per tenant", () => {
    expect(loadConfig({}).outbox).toEqual({ sendRatePerSecond: 25, maxAttempts: 6 });
    expect(loadConfig({ SEND_RATE_PER_SECOND: '50', SEND_MAX_ATTEMPTS: '3' }).outbox).toEqual({
      sendRatePerSecond: 50,
      maxAttempts: 3,
    });
    expect(problemsOf({ SEND_RATE_PER_SECOND: '51' }).join('\n')).toMatch(/^SEND_RATE_PER_SECOND:/m);
    expect(problemsOf({ SEND_MAX_ATTEMPTS: '0' }).join('\n')).toMatch(/^SEND_MAX_ATTEMPTS:/m);
  });

  it('names an invalid port', () => {
    expect(problemsOf({ PORT: 'eighty' }).join('\n')).toMatch(/^PORT:/m);
    expect(problemsOf({ PORT: '70000' }).join('\n')).toMatch(/^PORT:/m);
  });

  it('names an invalid environment and an invalid public URL', () => {
    expect(problemsOf({ NODE_ENV: 'staging' }).join('\n')).toMatch(/NODE_ENV/);
    expect(problemsOf({ PUBLIC_URL: 'ftp://example.org' }).join('\n')).toMatch(/PUBLIC_URL/);
  });

  it('refuses a partial set of Bot Framework auth overrides, naming the missing ones', () => {
    const problems = problemsOf({ BOT_AUTH_OPENID_METADATA_URL: 'http://127.0.0.1:1/x' }).join('\n');
    expect(problems).toMatch(/BOT_AUTH_TOKEN_ISSUER/);
    expect(problems).toMatch(/BOT_AUTH_CALLER_ID/);
  });

  it('asks for a password with an app id unless a managed identity is used', () => {
    expect(problemsOf({ BOT_ID: 'x', BOT_TYPE: 'MultiTenant' }).join('\n')).toMatch(/BOT_PASSWORD/);
    expect(problemsOf({ BOT_ID: 'x', BOT_TYPE: 'UserAssignedMSI', BOT_TENANT_ID: 't' })).toEqual([]);
  });

  it('reads comma-separated admin object ids', () => {
    expect(loadConfig({ ADMIN_OBJECT_IDS: ' a , b,,c ' }).adminObjectIds).toEqual(['a', 'b', 'c']);
  });
});

describe('the calendar-link key from configuration', () => {
  const key = Buffer.alloc(32, 7).toString('base64');
  const shared = { ...production, DATABASE_URL: 'postgres://app@db.example.org/lc?sslmode=require' };

  it('reads CALENDAR_LINK_SECRET as base64 of at least 32 bytes', () => {
    expect(loadConfig({ CALENDAR_LINK_SECRET: key }).calendarLinkSecret?.length).toBe(32);
    expect(loadConfig({}).calendarLinkSecret).toBeUndefined();
    expect(problemsOf({ CALENDAR_LINK_SECRET: 'not base64!' }).join('\n')).toMatch(/^CALENDAR_LINK_SECRET:/m);
    expect(problemsOf({ CALENDAR_LINK_SECRET: Buffer.alloc(16).toString('base64') }).join('\n')).toMatch(
      /^CALENDAR_LINK_SECRET:/m,
    );
  });

  it('requires it in production with a shared store, so every instance signs links with one key', () => {
    expect(problemsOf(shared).join('\n')).toMatch(/^CALENDAR_LINK_SECRET: required/m);
    expect(problemsOf({ ...shared, CALENDAR_LINK_SECRET: key })).toEqual([]);
  });

  it('lets a link signed by one instance open on another that has the same key', () => {
    const grant = { circleId: 'c1', bookingId: 'b1', expiresAt: Date.parse('2027-01-01T00:00:00Z') };
    const token = CalendarLinks.withSecret(Buffer.alloc(32, 7)).token(grant);
    expect(CalendarLinks.withSecret(Buffer.alloc(32, 7)).verify(token, new Date('2026-12-02'))).toEqual(
      grant,
    );
    expect(
      CalendarLinks.withSecret(Buffer.alloc(32, 8)).verify(token, new Date('2026-12-02')),
    ).toBeUndefined();
  });
});
