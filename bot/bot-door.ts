import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import type { Request, Response } from 'restify';
import { z } from 'zod';
import { ErrorCodes, fail } from '../core/errors';
import { TEXT_LIMITS, truncateText } from '../core/text-limits';
import type { Telemetry } from '../core/ports';
import type { AppConfig } from './config';
import { ReusingBotFrameworkAuthentication } from './bot-clients';
import { BODY_LIMITS, readJsonBody, validate } from './http/body';
import { codeForStatus, errorBody, sendFailure } from './http/responses';
import type { LeadingCompassionatelyBot } from './teams-bot';

/** Loopback hosts: the only ones a local run may reach over plain http. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Whether the bot may send replies to this serviceUrl: https always; plain http only to a loopback address and
 * only in local mode (the fake Bot Connector and the Agents Playground).
 */
export function serviceUrlAllowed(value: string, allowLoopbackHttp: boolean): boolean {
  const url = URL.parse(value);
  if (url === null) return false;
  if (url.username !== '' || url.password !== '') return false;
  if (url.protocol === 'https:') return true;
  return allowLoopbackHttp && url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}

const ActivityId = z.string().min(1).max(1024);
const ShortText = z.string().max(256);
/**
 * A display name: any length arrives from Teams, but at most TEXT_LIMITS.personName is kept. Cut with
 * overwrite() rather than transform(): the same string out, without a pipe on every name of every activity.
 */
const DisplayName = z
  .string()
  .max(BODY_LIMITS.botActivity)
  .overwrite((name) => truncateText(name, TEXT_LIMITS.personName));
const ChannelAccountSchema = z
  .object({
    id: ActivityId,
    name: DisplayName.optional(),
    aadObjectId: z.string().max(128).optional(),
    role: ShortText.optional(),
  })
  .passthrough();
/** A team or channel as Teams names it on channelData: its name is cut to TEXT_LIMITS.teamOrChannelName. */
const NamedThingSchema = z
  .object({
    id: ActivityId.optional(),
    name: z
      .string()
      .max(BODY_LIMITS.botActivity)
      .overwrite((name) => truncateText(name, TEXT_LIMITS.teamOrChannelName))
      .optional(),
  })
  .passthrough();

/**
 * The shape of every Bot Framework activity, checked (and its sizes bounded) before botbuilder sees it: a wrong
 * type anywhere the bot reads is a 400 VALIDATION_FAILED rather than a failure inside a turn.
 */
function inboundActivitySchema(allowLoopbackHttp: boolean) {
  return z
    .object({
      type: z.string().min(1).max(64),
      id: z.string().max(512).optional(),
      name: ShortText.optional(),
      action: ShortText.optional(),
      timestamp: ShortText.optional(),
      localTimestamp: ShortText.optional(),
      locale: ShortText.optional(),
      replyToId: z.string().max(1024).optional(),
      channelId: z.string().min(1).max(64),
      serviceUrl: z
        .string()
        .max(2048)
        .refine(
          (value) => serviceUrlAllowed(value, allowLoopbackHttp),
          allowLoopbackHttp
            ? 'must be an https URL (or http on a loopback address in local mode)'
            : 'must be an https URL',
        ),
      conversation: z
        .object({
          id: ActivityId,
          conversationType: ShortText.optional(),
          tenantId: z.string().max(128).optional(),
          isGroup: z.boolean().optional(),
          name: DisplayName.optional(),
        })
        .passthrough(),
      from: ChannelAccountSchema,
      recipient: ChannelAccountSchema,
      membersAdded: z.array(ChannelAccountSchema).max(5000).optional(),
      membersRemoved: z.array(ChannelAccountSchema).max(5000).optional(),
      channelData: z
        .object({
          team: NamedThingSchema.optional(),
          channel: NamedThingSchema.optional(),
          tenant: z
            .object({ id: z.string().max(128).optional() })
            .passthrough()
            .optional(),
        })
        .passthrough()
        .optional(),
      entities: z.array(z.record(z.string(), z.unknown())).max(64).optional(),
      attachments: z.array(z.record(z.string(), z.unknown())).max(16).optional(),
      text: z.string().max(28_000).optional(),
    })
    .passthrough();
}

function authOptions(config: AppConfig): ConfigurationBotFrameworkAuthenticationOptions {
  const { bot } = config;
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: bot.appId ?? '',
    MicrosoftAppPassword: bot.password ?? '',
    MicrosoftAppType: bot.appId ? bot.type : 'MultiTenant',
    MicrosoftAppTenantId: bot.tenantId ?? '',
  };
  if (bot.overrides) {
    Object.assign(options, {
      ToBotFromChannelOpenIdMetadataUrl: bot.overrides.openIdMetadataUrl,
      ToBotFromChannelTokenIssuer: bot.overrides.tokenIssuer,
      ToChannelFromBotLoginUrl: bot.overrides.loginUrl,
      ToChannelFromBotOAuthScope: bot.overrides.oauthScope,
      OAuthUrl: bot.overrides.oauthUrl,
      ToBotFromEmulatorOpenIdMetadataUrl: bot.overrides.emulatorOpenIdMetadataUrl,
      CallerId: bot.overrides.callerId,
    });
  }
  return options;
}

/** A response stand-in that lets us put botbuilder's own errors into our stable error format. */
class CapturedResponse {
  readonly socket = null;
  statusCode = 200;
  body: unknown = undefined;
  status(code: number): this {
    this.statusCode = code;
    return this;
  }
  send(body: unknown): this {
    this.body = body;
    return this;
  }
  header(): this {
    return this;
  }
  end(): this {
    return this;
  }
}

/**
 * The Bot Framework door: POST /api/messages through botbuilder's CloudAdapter. With an app id configured every
 * request must carry a valid Bot Framework JWT, or the bot never runs.
 */
export class BotDoor {
  readonly adapter: CloudAdapter;
  private readonly activitySchema: ReturnType<typeof inboundActivitySchema>;

  constructor(
    config: AppConfig,
    private readonly bot: LeadingCompassionatelyBot,
    private readonly telemetry: Telemetry,
    credentialsFactory?: ServiceClientCredentialsFactory,
  ) {
    this.activitySchema = inboundActivitySchema(config.tabAuth.mode === 'local');
    const auth = new ConfigurationBotFrameworkAuthentication(authOptions(config), credentialsFactory);
    this.adapter = new CloudAdapter(new ReusingBotFrameworkAuthentication(auth));
    this.adapter.onTurnError = async (context: TurnContext, error: Error) => {
      this.telemetry.exception(error, { activityType: context.activity.type });
      console.error('Bot turn failed:', error);
      if (context.activity.type === 'message') {
        await context.sendActivity('Sorry, something went wrong on our side. Please try again in a moment.');
      }
    };
  }

  /** Handles one POST /api/messages request. */
  async handle(req: Request, res: Response): Promise<void> {
    const body = await readJsonBody(req, BODY_LIMITS.botActivity);
    if (!body.ok) return sendFailure(res, body);
    const activity = validate(this.activitySchema, body.value);
    if (!activity.ok) return sendFailure(res, activity, activity.problems);

    const captured = new CapturedResponse();
    const botRequest = { body: activity.value, headers: req.headers, method: 'POST' };
    let botRan = false;
    await this.adapter.process(botRequest, captured, (context) => {
      botRan = true;
      return this.bot.run(context);
    });

    // botbuilder answers 401 for most token faults but 500 for some (a bad signature): before the bot runs,
    // any failure is an authentication failure.
    if (captured.statusCode === 401 || (!botRan && captured.statusCode >= 400)) {
      return sendFailure(
        res,
        fail(ErrorCodes.BOT_AUTH_FAILED, 'The Bot Framework token was missing or not valid.'),
      );
    }
    // An invoke's own answer (for example a card action refused with 400) goes back to Teams unchanged.
    if (captured.statusCode >= 400 && (captured.body === undefined || typeof captured.body === 'string')) {
      const code = codeForStatus(captured.statusCode);
      res.send(captured.statusCode, errorBody(code, 'The activity could not be processed.'));
      return;
    }
    if (captured.body === undefined) res.send(captured.statusCode);
    else res.send(captured.statusCode, captured.body);
  }
}
