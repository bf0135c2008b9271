import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_RETENTION, type RetentionPolicy } from '../core/privacy';
import type { RateBudget } from '../core/rate-limit';
import { TEAMS_TENANT_LIMIT_PER_SECOND } from '../core/outbox/limits';
import {
  DEFAULT_POOL_SIZE,
  postgresOptionsFromUrl,
  type PostgresConnectionOptions,
} from '../storage/postgres/connection';

/** The seven Bot Framework authentication overrides; set all together or none (local metadata, other clouds). */
const BOT_AUTH_OVERRIDE_KEYS = [
  'BOT_AUTH_OPENID_METADATA_URL',
  'BOT_AUTH_TOKEN_ISSUER',
  'BOT_AUTH_LOGIN_URL',
  'BOT_AUTH_OAUTH_SCOPE',
  'BOT_AUTH_OAUTH_URL',
  'BOT_AUTH_EMULATOR_OPENID_METADATA_URL',
  'BOT_AUTH_CALLER_ID',
] as const;

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const commaList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== ''),
  );

const httpUrl = z
  .string()
  .trim()
  .url()
  .refine((value) => /^https?:\/\//.test(value), 'must start with http:// or https://');

/** The interfaces local mode may listen on. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * https, or plain http to this machine's loopback (a sidecar or a test's key server, never reachable by others):
 * what production accepts for the addresses it trusts.
 */
function httpsOrLoopback(value: string): boolean {
  const url = new URL(value);
  return url.protocol === 'https:' || LOOPBACK_HOSTS.has(url.hostname.replace(/^\[|\]$/g, ''));
}

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: optionalText,
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  DATA_DIR: z.string().trim().min(1).default('data'),
  DATABASE_URL: optionalText,
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(DEFAULT_POOL_SIZE),
  CALENDAR_LINK_SECRET: optionalText.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64')
      .refine(
        (value) => Buffer.from(value, 'base64').length >= 32,
        'must be at least 32 random bytes, base64',
      )
      .optional(),
  ),
  CONTENT_DIR: optionalText,
  CONTENT_WATCH: z.enum(['true', 'false']).optional(),
  DEMO_MODE: z.enum(['true', 'false']).default('false'),
  PUBLIC_URL: optionalText.pipe(httpUrl.optional()),
  TEAMS_APP_ID: optionalText,
  BOT_ID: optionalText,
  BOT_PASSWORD: optionalText,
  BOT_TYPE: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('SingleTenant'),
  BOT_TENANT_ID: optionalText,
  BOT_AUTH_OPENID_METADATA_URL: optionalText,
  BOT_AUTH_TOKEN_ISSUER: optionalText,
  BOT_AUTH_LOGIN_URL: optionalText,
  BOT_AUTH_OAUTH_SCOPE: optionalText,
  BOT_AUTH_OAUTH_URL: optionalText,
  BOT_AUTH_EMULATOR_OPENID_METADATA_URL: optionalText,
  BOT_AUTH_CALLER_ID: optionalText,
  AUTH_MODE: z.enum(['local', 'entra']).optional(),
  TAB_TENANT_ID: optionalText,
  TAB_AUDIENCE: commaList,
  TAB_JWKS_URL: optionalText.pipe(httpUrl.optional()),
  TAB_ISSUERS: commaList,
  TAB_CLIENT_ID: optionalText,
  TAB_CLIENT_SECRET: optionalText,
  GRAPH_LOGIN_URL: optionalText.pipe(httpUrl.optional()),
  GRAPH_URL: optionalText.pipe(httpUrl.optional()),
  ADMIN_OBJECT_IDS: commaList,
  APPLICATIONINSIGHTS_CONNECTION_STRING: optionalText,
  RETENTION_UNANSWERED_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(3650)
    .default(DEFAULT_RETENTION.unansweredQuestionDays),
  RETENTION_PAST_CIRCLE_MONTHS: z.coerce
    .number()
    .int()
    .min(1)
    .max(120)
    .default(DEFAULT_RETENTION.pastCircleMonths),
  RETENTION_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(10_080).default(60),
  RATE_LIMIT_PERSON_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(300),
  RATE_LIMIT_PERSON_BURST: z.coerce.number().int().min(1).max(100_000).default(150),
  RATE_LIMIT_IP_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
  RATE_LIMIT_IP_BURST: z.coerce.number().int().min(1).max(100_000).default(60),
  SEND_RATE_PER_SECOND: z.coerce.number().positive().max(TEAMS_TENANT_LIMIT_PER_SECOND).default(25),
  SEND_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
});

/** Bot Framework authentication overrides, passed to botbuilder as-is. */
export interface BotAuthOverrides {
  openIdMetadataUrl: string;
  tokenIssuer: string;
  loginUrl: string;
  oauthScope: string;
  oauthUrl: string;
  emulatorOpenIdMetadataUrl: string;
  callerId: string;
}

/** How tab API tokens are checked: against Entra ID, or against the service's own local issuer. */
export type TabAuthConfig =
  | { mode: 'local'; tenantId: string; issuer: string; audience: string }
  | { mode: 'entra'; tenantId: string; issuers: string[]; audiences: string[]; jwksUrl: string };

/**
 * Where the stores live: the embedded SQLite file in DATA_DIR (the default), or the shared PostgreSQL database
 * DATABASE_URL names (for two or more instances).
 */
export type StorageConfig = { kind: 'sqlite' } | ({ kind: 'postgres' } & PostgresConnectionOptions);

/** The service's whole configuration, read and validated once at start-up. */
export interface AppConfig {
  environment: 'development' | 'test' | 'production';
  host: string;
  port: number;
  dataDir: string;
  /**
   * The key that signs "Add to calendar" links, shared by every instance (from configuration, such as a Key
   * Vault reference); undefined means a key of this instance's own, kept in DATA_DIR.
   */
  calendarLinkSecret: Buffer | undefined;
  storage: StorageConfig;
  /** The content folder; undefined means the project's content/. */
  contentDir: string | undefined;
  /** Reload content when files change (default: on in local mode). */
  watchContent: boolean;
  /** Local demo: the bot posts a demo circle invite when it joins a channel. Refused in production. */
  demoMode: boolean;
  publicUrl: string | undefined;
  teamsAppId: string | undefined;
  bot: {
    appId: string | undefined;
    password: string | undefined;
    type: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
    tenantId: string | undefined;
    overrides: BotAuthOverrides | undefined;
  };
  tabAuth: TabAuthConfig;
  /**
   * "Create the Teams meeting for me": the tab's Entra app and secret for the on-behalf-of exchange, and the
   * sign-in and Graph hosts. Undefined (the feature is off; paste a link) unless AUTH_MODE=entra and
   * TAB_CLIENT_SECRET are set.
   */
  meetings: GraphMeetingsConfig | undefined;
  adminObjectIds: string[];
  appInsightsConnectionString: string | undefined;
  /** How long personal data is kept, and how often the service applies that (core/privacy.ts). */
  retention: RetentionPolicy & { intervalMs: number };
  /**
   * Request budgets: per signed-in person on the tab API, and per client address on the routes that need no
   * sign-in (tab settings, calendar files).
   */
  rateLimits: { person: RateBudget; address: RateBudget };
  /**
   * Proactive sending (the outbox): sends a second per tenant from this instance (Teams allows 50/s per app per
   * tenant across all instances: the default 25 keeps two instances within it) and attempts before failing.
   */
  outbox: { sendRatePerSecond: number; maxAttempts: number };
}

/** Where and as whom the service creates Teams meetings through Graph (see bot/graph/graph-online-meetings.ts). */
export interface GraphMeetingsConfig {
  clientId: string;
  clientSecret: string;
  tenantId: string;
  loginUrl: string;
  graphUrl: string;
}

/** Thrown when configuration is missing or invalid; the message names every offending variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The tenant id local tokens carry. */
export const LOCAL_TENANT_ID = 'local-tenant';
/** The issuer local tokens carry. */
export const LOCAL_ISSUER = 'urn:leading-compassionately:local-issuer';
/** The audience local tokens carry. */
export const LOCAL_AUDIENCE = 'api://leading-compassionately-local';

/** Parses and validates the environment once. Throws ConfigError naming each bad or missing variable. */
export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const production = e.NODE_ENV === 'production';

  const overrideValues = BOT_AUTH_OVERRIDE_KEYS.map((key) => e[key]);
  const overridesSet = overrideValues.filter((value) => value !== undefined).length;
  if (overridesSet !== 0 && overridesSet !== BOT_AUTH_OVERRIDE_KEYS.length) {
    const missing = BOT_AUTH_OVERRIDE_KEYS.filter((key) => e[key] === undefined);
    problems.push(`${missing.join(', ')}: the BOT_AUTH_* overrides must be set all together or not at all`);
  }
  if (production && !e.BOT_ID) problems.push('BOT_ID: required when NODE_ENV=production');
  if (e.BOT_ID && e.BOT_TYPE !== 'UserAssignedMSI' && !e.BOT_PASSWORD && overridesSet === 0) {
    problems.push('BOT_PASSWORD: required with BOT_ID unless BOT_TYPE=UserAssignedMSI');
  }
  if (e.BOT_ID && e.BOT_TYPE !== 'MultiTenant' && !e.BOT_TENANT_ID) {
    problems.push(`BOT_TENANT_ID: required when BOT_TYPE=${e.BOT_TYPE}`);
  }

  const mode = e.AUTH_MODE ?? (production ? 'entra' : 'local');
  if (production && mode === 'local') problems.push('AUTH_MODE: local is refused when NODE_ENV=production');
  if (production && e.DEMO_MODE === 'true') problems.push('DEMO_MODE: refused when NODE_ENV=production');
  let tabAuth: TabAuthConfig;
  if (mode === 'entra') {
    if (!e.TAB_TENANT_ID) problems.push('TAB_TENANT_ID: required when AUTH_MODE=entra (and in production)');
    if (e.TAB_AUDIENCE.length === 0) {
      problems.push('TAB_AUDIENCE: required when AUTH_MODE=entra (and in production)');
    }
    const tenant = e.TAB_TENANT_ID ?? '';
    tabAuth = {
      mode: 'entra',
      tenantId: tenant,
      audiences: e.TAB_AUDIENCE,
      issuers:
        e.TAB_ISSUERS.length > 0
          ? e.TAB_ISSUERS
          : [`https://login.microsoftonline.com/${tenant}/v2.0`, `https://sts.windows.net/${tenant}/`],
      jwksUrl: e.TAB_JWKS_URL ?? `https://login.microsoftonline.com/${tenant}/discovery/v2.0/keys`,
    };
  } else {
    tabAuth = { mode: 'local', tenantId: LOCAL_TENANT_ID, issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE };
  }
  if (mode === 'local' && e.HOST !== undefined && !LOOPBACK_HOSTS.has(e.HOST)) {
    problems.push(
      `HOST: local mode (AUTH_MODE=local) mints its own sign-in tokens, so it only listens on 127.0.0.1, ::1 or localhost, not ${e.HOST}; set AUTH_MODE=entra with the TAB_* settings to listen elsewhere`,
    );
  }
  if (production) {
    for (const [key, value] of [
      ['PUBLIC_URL', e.PUBLIC_URL],
      ['TAB_JWKS_URL', e.TAB_JWKS_URL],
    ] as const) {
      if (value !== undefined && !httpsOrLoopback(value)) {
        problems.push(`${key}: must be an https:// URL when NODE_ENV=production`);
      }
    }
  }
  let meetings: GraphMeetingsConfig | undefined;
  if (e.TAB_CLIENT_SECRET !== undefined) {
    const clientId = e.TAB_CLIENT_ID ?? e.TAB_AUDIENCE.find((audience) => !audience.includes(':'));
    if (tabAuth.mode !== 'entra') {
      problems.push(
        'TAB_CLIENT_SECRET: creating Teams meetings needs AUTH_MODE=entra (Entra sign-in tokens)',
      );
    } else if (clientId === undefined) {
      problems.push("TAB_CLIENT_ID: required with TAB_CLIENT_SECRET (the tab's Entra app id)");
    } else {
      meetings = {
        clientId,
        clientSecret: e.TAB_CLIENT_SECRET,
        tenantId: tabAuth.tenantId,
        loginUrl: e.GRAPH_LOGIN_URL ?? 'https://login.microsoftonline.com',
        graphUrl: e.GRAPH_URL ?? 'https://graph.microsoft.com',
      };
    }
  }
  if (production) {
    for (const [key, value] of [
      ['GRAPH_LOGIN_URL', e.GRAPH_LOGIN_URL],
      ['GRAPH_URL', e.GRAPH_URL],
    ] as const) {
      if (value !== undefined && !value.startsWith('https://')) {
        problems.push(`${key}: must be an https:// URL when NODE_ENV=production`);
      }
    }
  }
  let storage: StorageConfig = { kind: 'sqlite' };
  if (e.DATABASE_URL !== undefined) {
    const postgres = postgresOptionsFromUrl(e.DATABASE_URL, e.DATABASE_POOL_SIZE);
    if (postgres.ok) storage = { kind: 'postgres', ...postgres.value };
    else problems.push(`DATABASE_URL: ${postgres.message}`);
  }
  if (production && storage.kind === 'postgres' && e.CALENDAR_LINK_SECRET === undefined) {
    problems.push(
      'CALENDAR_LINK_SECRET: required in production with a shared store (DATABASE_URL), so every instance signs calendar links with one key',
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    environment: e.NODE_ENV,
    host: e.HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
    port: e.PORT,
    dataDir: path.resolve(e.DATA_DIR),
    calendarLinkSecret:
      e.CALENDAR_LINK_SECRET === undefined ? undefined : Buffer.from(e.CALENDAR_LINK_SECRET, 'base64'),
    storage,
    contentDir: e.CONTENT_DIR === undefined ? undefined : path.resolve(e.CONTENT_DIR),
    demoMode: e.DEMO_MODE === 'true',
    watchContent:
      e.CONTENT_WATCH === undefined
        ? mode === 'local' && e.NODE_ENV === 'development'
        : e.CONTENT_WATCH === 'true',
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    teamsAppId: e.TEAMS_APP_ID,
    bot: {
      appId: e.BOT_ID,
      password: e.BOT_PASSWORD,
      type: e.BOT_TYPE,
      tenantId: e.BOT_TENANT_ID,
      overrides:
        overridesSet === 0
          ? undefined
          : {
              openIdMetadataUrl: e.BOT_AUTH_OPENID_METADATA_URL ?? '',
              tokenIssuer: e.BOT_AUTH_TOKEN_ISSUER ?? '',
              loginUrl: e.BOT_AUTH_LOGIN_URL ?? '',
              oauthScope: e.BOT_AUTH_OAUTH_SCOPE ?? '',
              oauthUrl: e.BOT_AUTH_OAUTH_URL ?? '',
              emulatorOpenIdMetadataUrl: e.BOT_AUTH_EMULATOR_OPENID_METADATA_URL ?? '',
              callerId: e.BOT_AUTH_CALLER_ID ?? '',
            },
    },
    tabAuth,
    meetings,
    adminObjectIds: e.ADMIN_OBJECT_IDS,
    appInsightsConnectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING,
    retention: {
      unansweredQuestionDays: e.RETENTION_UNANSWERED_DAYS,
      pastCircleMonths: e.RETENTION_PAST_CIRCLE_MONTHS,
      intervalMs: e.RETENTION_INTERVAL_MINUTES * 60_000,
    },
    rateLimits: {
      person: { perMinute: e.RATE_LIMIT_PERSON_PER_MINUTE, burst: e.RATE_LIMIT_PERSON_BURST },
      address: { perMinute: e.RATE_LIMIT_IP_PER_MINUTE, burst: e.RATE_LIMIT_IP_BURST },
    },
    outbox: { sendRatePerSecond: e.SEND_RATE_PER_SECOND, maxAttempts: e.SEND_MAX_ATTEMPTS },
  };
}
