import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import restify, { type Request, type Response } from 'restify';
import { LiveAnswerer } from '../core/answering/ask';
import type { ContentLibrary } from '../core/content/model';
import { ContentRegistry } from '../core/content/registry';
import { effectiveRoles } from '../core/identity';
import { ErrorCodes, fail, StoreUnavailableError } from '../core/errors';
import type { Stores, Telemetry } from '../core/ports';
import type { OnlineMeetings } from '../core/meetings/ports';
import { openPostgresStores } from '../storage/postgres/postgres-stores';
import { openSqliteStores } from '../storage/sqlite/sqlite-stores';
import { AskApi } from './api/ask-api';
import { AuditApi } from './api/audit-api';
import { ChannelsApi } from './api/channels-api';
import { CirclesApi } from './api/circles-api';
import { CircleFeedbackApi } from './api/feedback-api';
import { MeetingsApi } from './api/meetings-api';
import { ProfileApi } from './api/profile-api';
import { ImpactApi } from './api/impact-api';
import { DirectoryApi } from './api/directory-api';
import { GraphOnlineMeetings } from './graph/graph-online-meetings';
import { ContentApi } from './api/content-api';
import { PrivacyApi } from './api/privacy-api';
import { AdminNudgesApi, NudgesApi } from './api/nudges-api';
import { Broadcasts } from './nudges/broadcasts';
import { DevIdentityApi, TabApi } from './api/tab-api';
import { LocalIssuer } from './auth/local-issuer';
import { entraKeys, JoseTokenVerifier, type TokenVerifier } from './auth/tab-tokens';
import { BotDoor } from './bot-door';
import { CircleNotices } from './circle-notices';
import { bookingNoticeBuilder, Notifier } from './notifier';
import { PersonalDataService } from './personal-data';
import { startRetentionSchedule, type RetentionSchedule } from './retention-schedule';
import { InviteUpdater } from './invite-updater';
import { LimitedSender, systemClock, type Clock } from './outbox/sender';
import { TeamsTransport } from './outbox/teams-transport';
import { guideNudgeBuilder, NudgeScheduler } from './nudges/scheduler';
import { CircleFollowUp } from './nudges/circle-follow-up';
import { CardBuilders, OutboxWorker, type OutboxWorkerOptions } from './outbox/worker';
import { circleInviteCard } from './cards/circle-cards';
import { calendarLinkExpiry, CalendarLinks } from './calendar';
import type { Booking } from '../core/circles/bookings';
import type { Circle } from '../core/circles/circle';
import type { CardLinks } from './cards/cards';
import type { AppConfig } from './config';
import { describeReload, watchContent } from './content-watcher';
import { codeForStatus, errorBody, sendFailure } from './http/responses';
import { openApiDocument, type OpenApiDocument } from './http/openapi';
import { RouteTable } from './http/route-table';
import { askRoutes } from '../contract/ask';
import { channelRoutes } from '../contract/channels';
import { circleRoutes } from '../contract/circles';
import { contentRoutes } from '../contract/content';
import { feedbackRoutes } from '../contract/feedback';
import { auditRoutes } from '../contract/audit';
import { networkRoutes } from '../contract/network';
import { nudgeRoutes } from '../contract/nudges';
import { identityRoutes } from '../contract/identity';
import { privacyRoutes } from '../contract/privacy';
import { MemoryRateLimiter } from '../core/rate-limit';
import { LeadingCompassionatelyBot } from './teams-bot';
import { VoterKeys } from './vote-keys';
import { createTelemetry } from './telemetry';

/** The project's root folder (works from source under ts-jest and from dist/ after a build). */
export const PROJECT_ROOT = [path.resolve(__dirname, '..'), path.resolve(__dirname, '..', '..')].find((dir) =>
  fs.existsSync(path.join(dir, 'package.json')),
) as string;

/** The service's version, from package.json (the OpenAPI document's info.version). */
const SERVICE_VERSION = (
  JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

/** Parts a caller may supply instead of the defaults (tests inject a recording credentials factory). */
export interface ServiceOverrides {
  stores?: Stores;
  telemetry?: Telemetry;
  botCredentialsFactory?: ServiceClientCredentialsFactory;
  now?: () => Date;
  /** Creates Teams meetings instead of Microsoft Graph (the default when configured). */
  onlineMeetings?: OnlineMeetings;
  /** How often the nudge scheduler looks for due nudges, reminders and feedback (default a minute). */
  nudgeTickMs?: number;
  /** How long invite-card updates are coalesced (tests shorten it). */
  inviteUpdateWindowMs?: number;
  /** The outbox worker's clock and pacing (tests move time and shorten backoff). */
  outboxClock?: Clock;
  outboxWorker?: Partial<OutboxWorkerOptions>;
  /** Builds the answerer over the live content (tests give scripted readings of a few messages). */
  answerer?: (library: () => ContentLibrary) => LiveAnswerer;
}

/** A started service. */
export interface RunningService {
  url: string;
  port: number;
  stores: Stores;
  /** The retention schedule (tests run a pass on demand). */
  retention: RetentionSchedule;
  /** Card builders per outbox kind: features register theirs (nudges, reminders, broadcasts). */
  outboxBuilders: CardBuilders;
  /** The nudge scheduler (tests tick it at a moved clock). */
  nudges: NudgeScheduler;
  /** Wakes the outbox worker after an enqueue in this process. */
  kickOutbox(): void;
  /** Every route the HTTP server serves, as method and path (tests check each one is documented). */
  registeredRoutes(): { method: string; path: string }[];
  close(): Promise<void>;
}

/** The outbox worker's pacing unless a caller overrides it. */
export const DEFAULT_OUTBOX_WORKER: Omit<OutboxWorkerOptions, 'maxAttempts'> = {
  batchSize: 100,
  leaseMs: 60_000,
  baseBackoffMs: 2000,
  maxBackoffMs: 5 * 60_000,
  pollMs: 2000,
  concurrency: 16,
};

/** How often the nudge scheduler looks for due nudges unless a caller overrides it. */
export const DEFAULT_NUDGE_TICK_MS = 60_000;

type Handler = (req: Request, res: Response) => Promise<void> | void;

/** The parts of a restify-errors HttpError that we reshape into our error body. */
interface RestifyErrorLike {
  statusCode?: number;
  message: string;
  toJSON: () => unknown;
  toString: () => string;
}

/**
 * The tab's pages may only be framed by Teams and Microsoft 365 hosts, and load scripts and styles only from this
 * service (Fluent UI injects its styles at run time, hence 'unsafe-inline' for styles only).
 */
const TAB_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  // teams-js refreshes its list of trusted Teams origins from Microsoft's CDN (it falls back to a built-in list).
  "connect-src 'self' https://res.cdn.office.net",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'self' teams.microsoft.com *.teams.microsoft.com *.teams.microsoft.us teams.cloud.microsoft *.cloud.microsoft *.office.com *.microsoft365.com *.skype.com",
].join('; ');

/** What the tab needs before sign-in: whether the local identity switcher is on and, in Teams, the app's client id. */
function tabSettingsOf(config: AppConfig, publicUrl: string | undefined) {
  const auth = config.tabAuth;
  // The app the tab's tokens are for: the local issuer's audience locally, the Entra app's client id otherwise.
  const clientId =
    auth.mode === 'local'
      ? auth.audience
      : (auth.audiences.find((audience) => !audience.includes(':')) ?? null);
  return {
    localIdentity: auth.mode === 'local',
    clientId,
    initiateLoginEndpoint: publicUrl ? `${publicUrl}/tab/` : null,
    /** Whether "Create the Teams meeting for me" is offered (Graph is configured). */
    meetingCreation: config.meetings !== undefined,
  };
}

/**
 * Opens the stores the configuration names: PostgreSQL when DATABASE_URL is set (migrated on open; an idle
 * connection's failure goes to telemetry), else the embedded SQLite file in DATA_DIR.
 */
export async function openConfiguredStores(config: AppConfig, telemetry: Telemetry): Promise<Stores> {
  if (config.storage.kind === 'sqlite') return openSqliteStores(config.dataDir);
  return openPostgresStores(config.storage, {
    onIdleError: (error) => telemetry.exception(error, { source: 'postgres-pool' }),
  });
}

/** Starts the whole service: Bot Framework door, tab API, health check and the built tab. */
export async function startService(
  config: AppConfig,
  overrides: ServiceOverrides = {},
): Promise<RunningService> {
  const now = overrides.now ?? (() => new Date());
  const telemetry = overrides.telemetry ?? createTelemetry(config.appInsightsConnectionString);
  const stores = overrides.stores ?? (await openConfiguredStores(config, telemetry));
  const content = ContentRegistry.open(config.contentDir ?? path.join(PROJECT_ROOT, 'content'), now);

  let verifier: TokenVerifier;
  let devIdentity: DevIdentityApi | undefined;
  if (config.tabAuth.mode === 'local') {
    const issuer = await LocalIssuer.open({ dataDir: config.dataDir, ...config.tabAuth });
    verifier = new JoseTokenVerifier({
      issuers: [issuer.issuer],
      audiences: [issuer.audience],
      tenantId: issuer.tenantId,
      keys: issuer.keys(),
    });
    devIdentity = new DevIdentityApi(issuer, stores, now);
  } else {
    const { issuers, audiences, tenantId, jwksUrl } = config.tabAuth;
    verifier = new JoseTokenVerifier({ issuers, audiences, tenantId, keys: entraKeys(jwksUrl) });
  }

  const server = restify.createServer({ name: 'leading-compassionately', handleUncaughtExceptions: false });
  let publicUrl = config.publicUrl;
  const links: CardLinks = {
    tab: (page) => {
      if (config.teamsAppId) {
        const context = page ? `?context=${encodeURIComponent(JSON.stringify({ subEntityId: page }))}` : '';
        return `https://teams.microsoft.com/l/entity/${config.teamsAppId}/plan${context}`;
      }
      return publicUrl ? `${publicUrl}/tab/${page ? `#/${page}` : ''}` : undefined;
    },
  };
  const answerer = (overrides.answerer ?? ((library) => new LiveAnswerer(library)))(() => content.current());
  const calendarLinks = config.calendarLinkSecret
    ? CalendarLinks.withSecret(config.calendarLinkSecret)
    : CalendarLinks.open(config.dataDir);
  // Each link is bound to one confirmed booking and expires a day after the circle ends.
  const calendarUrl = (circle: Circle, booking: Booking): string | undefined => {
    if (!publicUrl || booking.status !== 'confirmed' || !booking.bookingId) return undefined;
    const token = calendarLinks.token({
      circleId: circle.id,
      bookingId: booking.bookingId,
      expiresAt: calendarLinkExpiry(circle),
    });
    return `${publicUrl}/api/circles/${circle.id}/calendar.ics?t=${token}`;
  };
  // The notifier needs the adapter, which needs the bot: it is bound once both exist.
  const delivery: {
    notifier?: Notifier;
    updater?: InviteUpdater;
    worker?: OutboxWorker;
    followUp?: CircleFollowUp;
  } = {};
  const kickOutbox = () => delivery.worker?.kick();
  const notices = new CircleNotices(
    stores.circles,
    stores.facilitators,
    () => content.current(),
    calendarUrl,
    (circleId, userId, reason) =>
      delivery.notifier?.queueBookingNotice(circleId, userId, reason) ?? Promise.resolve(false),
    async (circleId) => {
      // Reminders first: the invite update's short window then starts as the caller's answer goes out.
      await delivery.followUp?.sync(circleId);
      await delivery.updater?.schedule(circleId);
    },
  );
  const inviteCard = async (circleId: string) => {
    const circle = await stores.circles.get(circleId);
    if (!circle) return undefined;
    const teamsIds = (await stores.circles.bookings(circleId))
      .map((booking) => booking.teamsUserId)
      .filter((id): id is string => id !== undefined);
    return circleInviteCard(await notices.summaryOf(circle), teamsIds);
  };
  const personalData = new PersonalDataService(stores, notices, telemetry, now);
  const voterKeys = VoterKeys.open(config.calendarLinkSecret, config.dataDir);
  const voterKey = (guideId: string, userId: string) => voterKeys.keyOf(guideId, userId);
  const bot = new LeadingCompassionatelyBot({
    conversations: stores.conversations,
    circles: stores.circles,
    facilitators: stores.facilitators,
    profiles: stores.profiles,
    rolesOf: async (userId) =>
      effectiveRoles(userId, await stores.roles.rolesOf(userId), config.adminObjectIds),
    calendarUrl,
    notices,
    inviteCard,
    demoMode: config.demoMode,
    onBookingsChanged: (circleId) => notices.bookingsChanged(circleId),
    feedback: stores.feedback,
    nudges: stores.nudges,
    circleFeedback: stores.circleFeedback,
    circleFeedbackKey: (circleId, userId) => voterKeys.circleFeedbackKeyOf(circleId, userId),
    unanswered: stores.unanswered,
    eraseUser: async (userId) => {
      await personalData.erase(userId);
    },
    telemetry,
    links,
    answerer,
    now,
    voterKey,
  });
  const botDoor = new BotDoor(config, bot, telemetry, overrides.botCredentialsFactory);
  const clock = overrides.outboxClock ?? systemClock;
  const sender = new LimitedSender(
    new TeamsTransport(botDoor.adapter, config.bot.appId ?? ''),
    config.outbox.sendRatePerSecond,
    clock,
    // On PostgreSQL several instances may send: the tenant's rate is then shared through the store.
    config.storage.kind === 'postgres' ? stores.sendSlots : undefined,
  );
  const notifier = new Notifier(sender, stores.outbox, stores.conversations, telemetry, now, kickOutbox);
  delivery.notifier = notifier;
  const updater = new InviteUpdater(
    stores.outbox,
    stores.circles,
    inviteCard,
    now,
    kickOutbox,
    overrides.inviteUpdateWindowMs,
  );
  delivery.updater = updater;
  const outboxBuilders = new CardBuilders();
  outboxBuilders.register('booking-notice', bookingNoticeBuilder(notices));
  outboxBuilders.register('invite-update', updater.builder);
  const guideNudges = guideNudgeBuilder(() => content.current(), links);
  outboxBuilders.register('nudge', guideNudges);
  outboxBuilders.register('broadcast', guideNudges);
  // Nudges, reminders and feedback are timed by the outbox's clock, so tests move one clock for all of them.
  const proactiveNow = () => new Date(clock.now());
  const followUp = new CircleFollowUp(stores, notices, calendarUrl, proactiveNow, kickOutbox, telemetry);
  delivery.followUp = followUp;
  outboxBuilders.register('circle-reminder', followUp.reminderBuilder);
  outboxBuilders.register('circle-feedback', followUp.feedbackBuilder);
  const nudgeScheduler = new NudgeScheduler(
    stores,
    () => content.current(),
    proactiveNow,
    kickOutbox,
    telemetry,
    (at) => followUp.queueFeedback(at),
  );
  const worker = new OutboxWorker(
    stores.outbox,
    stores.conversations,
    outboxBuilders,
    sender,
    telemetry,
    { ...DEFAULT_OUTBOX_WORKER, maxAttempts: config.outbox.maxAttempts, ...overrides.outboxWorker },
    clock,
  );
  delivery.worker = worker;
  // In-process budgets behind the RateLimiter port (a shared store could back it for several instances).
  const personLimiter = new MemoryRateLimiter(config.rateLimits.person);
  const addressLimiter = new MemoryRateLimiter(config.rateLimits.address);
  const tabApi = new TabApi({
    stores,
    verifier,
    adminObjectIds: config.adminObjectIds,
    now,
    limiter: personLimiter,
  });
  const contentApi = new ContentApi(content, telemetry, stores.feedback, now, voterKey);
  const askApi = new AskApi(answerer, stores, telemetry);
  const circlesApi = new CirclesApi(
    stores,
    telemetry,
    now,
    calendarLinks,
    notices,
    calendarUrl,
    config.tabAuth.mode === 'local',
  );
  const meetingsApi = new MeetingsApi(
    overrides.onlineMeetings ??
      (config.meetings ? new GraphOnlineMeetings({ ...config.meetings, timeoutMs: 10_000 }) : undefined),
    telemetry,
    now,
  );
  const profileApi = new ProfileApi(stores, telemetry, now);
  const impactApi = new ImpactApi(stores, telemetry, now);
  const directoryApi = new DirectoryApi(stores, now);
  const feedbackApi = new CircleFeedbackApi(stores, telemetry, now, (circleId, userId) =>
    voterKeys.circleFeedbackKeyOf(circleId, userId),
  );
  const privacyApi = new PrivacyApi(personalData);
  const auditApi = new AuditApi(stores.audit);
  const nudgesApi = new NudgesApi(stores.nudges, telemetry, now);
  const adminNudgesApi = new AdminNudgesApi(
    new Broadcasts(stores, proactiveNow, kickOutbox, telemetry),
    nudgeScheduler,
    () => content.current(),
    telemetry,
  );
  const channelsApi = new ChannelsApi(stores, telemetry, now, inviteCard, notifier);

  const route = (handler: Handler) => async (req: Request, res: Response) => {
    try {
      await handler(req, res);
    } catch (error) {
      const route = req.getRoute()?.path?.toString() ?? 'unknown';
      telemetry.exception(error, { route });
      if (error instanceof StoreUnavailableError) {
        // A store fault is the service's state, not a bug in this request: one line, and 503 so callers retry.
        console.error(`Request failed: ${error.message} (${route})`);
        if (!res.headersSent) {
          sendFailure(
            res,
            fail(
              ErrorCodes.STORE_UNAVAILABLE,
              'The store is unavailable just now; please try again shortly.',
            ),
          );
        }
        return;
      }
      console.error('Request failed:', error);
      if (!res.headersSent) sendFailure(res, fail(ErrorCodes.INTERNAL, 'Something went wrong on our side.'));
    }
  };

  // Every answer: never cached, never sniffed; in production, HTTPS only from now on (HSTS).
  server.pre((req: Request, res: Response, next: restify.Next) => {
    if (req.url?.startsWith('/api/') || req.url === '/healthz' || req.url?.startsWith('/healthz?')) {
      res.header('Cache-Control', 'no-store');
    }
    res.header('X-Content-Type-Options', 'nosniff');
    if (config.environment === 'production') {
      res.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    }
    next();
  });

  server.on('restifyError', (_req: Request, _res: Response, err: RestifyErrorLike, callback: () => void) => {
    const status = err.statusCode ?? 500;
    const code = codeForStatus(status);
    const message =
      status >= 500 ? 'Something went wrong on our side.' : err.message || 'The request was refused.';
    err.toJSON = () => errorBody(code, message);
    err.toString = () => JSON.stringify(errorBody(code, message));
    callback();
  });

  // Bot Framework's own protocol (an Activity in, its JWT checked by botbuilder): outside the tab API's contract.
  server.post(
    '/api/messages',
    route((req, res) => botDoor.handle(req, res)),
  );
  // Every tab API route: one definition (contract/) and one handler, validated and documented by the table.
  const routes = new RouteTable({ server, tabApi, addressLimiter, now, guard: route });
  routes.add(identityRoutes.health, async ({ res, send }) => {
    const healthy = await stores.health.ping().catch(() => false);
    if (healthy) send(200, { status: 'ok' });
    else sendFailure(res, fail(ErrorCodes.STORE_UNAVAILABLE, 'The store is not answering.'));
  });
  let openApi: OpenApiDocument | undefined;
  routes.add(identityRoutes.openApi, ({ send }) => {
    // Built on first request, once every route is registered.
    openApi ??= openApiDocument(routes.definitions(), SERVICE_VERSION);
    send(200, openApi);
  });
  routes.add(identityRoutes.tabSettings, ({ send }) => send(200, tabSettingsOf(config, publicUrl)));
  routes.add(identityRoutes.me, (context) => tabApi.me(context));
  routes.add(contentRoutes.plan, (context) => contentApi.plan(context));
  routes.add(contentRoutes.guides, (context) => contentApi.guides(context));
  routes.add(contentRoutes.guide, (context) => contentApi.guide(context));
  routes.add(contentRoutes.guideFeedback, (context) => contentApi.guideFeedback(context));
  routes.add(contentRoutes.resources, (context) => contentApi.resources(context));
  routes.add(contentRoutes.reload, (context) => contentApi.reload(context));
  routes.add(askRoutes.ask, (context) => askApi.ask(context));
  routes.add(askRoutes.unanswered, (context) => askApi.unanswered(context));
  routes.add(circleRoutes.create, (context) => circlesApi.create(context));
  routes.add(circleRoutes.list, (context) => circlesApi.list(context));
  routes.add(circleRoutes.get, (context) => circlesApi.get(context));
  routes.add(circleRoutes.edit, (context) => circlesApi.edit(context));
  routes.add(circleRoutes.cancel, (context) => circlesApi.cancelCircle(context));
  routes.add(circleRoutes.book, (context) => circlesApi.book(context));
  routes.add(circleRoutes.unbook, (context) => circlesApi.unbook(context));
  routes.add(circleRoutes.roster, (context) => circlesApi.roster(context));
  routes.add(circleRoutes.calendar, (context) => circlesApi.calendar(context));
  routes.add(circleRoutes.attendance, (context) => circlesApi.markAttendance(context));
  routes.add(circleRoutes.coFacilitators, (context) => circlesApi.setCoFacilitators(context));
  routes.add(circleRoutes.myBookings, (context) => circlesApi.myBookings(context));
  routes.add(circleRoutes.facilitators, (context) => circlesApi.facilitators(context));
  routes.add(circleRoutes.addFacilitator, (context) => circlesApi.addFacilitator(context));
  routes.add(circleRoutes.removeFacilitator, (context) => circlesApi.removeFacilitator(context));
  routes.add(channelRoutes.postInvite, (context) => channelsApi.postInvite(context));
  routes.add(channelRoutes.list, (context) => channelsApi.list(context));
  routes.add(privacyRoutes.exportMine, (context) => privacyApi.exportMine(context));
  routes.add(privacyRoutes.eraseMine, (context) => privacyApi.eraseMine(context));
  routes.add(feedbackRoutes.give, (context) => feedbackApi.give(context));
  routes.add(auditRoutes.list, (context) => auditApi.list(context));
  routes.add(networkRoutes.myProfile, (context) => profileApi.get(context));
  routes.add(networkRoutes.saveProfile, (context) => profileApi.put(context));
  routes.add(networkRoutes.directory, (context) => directoryApi.list(context));
  routes.add(networkRoutes.adminImpact, (context) => impactApi.adminJson(context));
  routes.add(networkRoutes.adminImpactCsv, (context) => impactApi.adminCsv(context));
  routes.add(networkRoutes.facilitatorImpact, (context) => impactApi.facilitatorJson(context));
  routes.add(networkRoutes.createMeeting, (context) => meetingsApi.create(context));
  routes.add(nudgeRoutes.mine, (context) => nudgesApi.mine(context));
  routes.add(nudgeRoutes.saveMine, (context) => nudgesApi.saveMine(context));
  routes.add(nudgeRoutes.broadcast, (context) => adminNudgesApi.send(context));
  routes.add(nudgeRoutes.broadcastReport, (context) => adminNudgesApi.report(context));
  routes.add(nudgeRoutes.resendBroadcast, (context) => adminNudgesApi.resend(context));
  routes.add(nudgeRoutes.runNudges, (context) => adminNudgesApi.runNudges(context));
  if (devIdentity) {
    const dev = devIdentity;
    routes.add(identityRoutes.devToken, (context) => dev.token(context));
    routes.add(identityRoutes.devJwks, (context) => dev.jwks(context));
  }
  const tabDir = path.join(PROJECT_ROOT, 'dist', 'tab');
  if (!fs.existsSync(path.join(tabDir, 'index.html'))) {
    console.warn('The tab is not built: run "npm run build" to serve it at /tab/.');
  }
  server.get('/tab', (_req: Request, res: Response, next: restify.Next) => {
    res.redirect(301, '/tab/', next);
  });
  server.get(
    '/tab/*',
    (_req: Request, res: Response, next: restify.Next) => {
      res.header('Content-Security-Policy', TAB_CONTENT_SECURITY_POLICY);
      next();
    },
    restify.plugins.serveStaticFiles(tabDir),
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address: AddressInfo = server.address();
  const hostForUrl = address.address.includes(':') ? `[${address.address}]` : address.address;
  const url = `http://${hostForUrl === '0.0.0.0' ? '127.0.0.1' : hostForUrl}:${address.port}`;
  publicUrl ??= url;
  const { intervalMs, ...policy } = config.retention;
  const retention = startRetentionSchedule(stores, policy, intervalMs, now, telemetry);
  const stopWatching = config.watchContent
    ? watchContent(content, (result) => console.log(describeReload(result)))
    : undefined;

  worker.start();
  nudgeScheduler.start(overrides.nudgeTickMs ?? DEFAULT_NUDGE_TICK_MS);

  return {
    url,
    port: address.port,
    stores,
    retention,
    outboxBuilders,
    nudges: nudgeScheduler,
    kickOutbox,
    registeredRoutes: () =>
      Object.values(server.router.getRoutes()).map((known) => ({
        method: known.method.toUpperCase(),
        path: String(known.path),
      })),
    close: async () => {
      stopWatching?.();
      await nudgeScheduler.stop();
      await retention.stop();
      await worker.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
      await telemetry.flush();
      await stores.close();
    },
  };
}
