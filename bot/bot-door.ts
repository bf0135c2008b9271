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
import type { Telemetry } from '../core/ports';
import type { AppConfig } from './config';
import { BODY_LIMITS, readJsonBody, validate } from './http/body';
import { codeForStatus, errorBody, sendFailure } from './http/responses';
import type { LeadingCompassionatelyBot } from './teams-bot';

/** The fields every Bot Framework activity must carry before botbuilder sees it. */
const InboundActivitySchema = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().max(512).optional(),
    channelId: z.string().min(1).max(64),
    serviceUrl: z.string().url().max(2048),
    conversation: z.object({ id: z.string().min(1).max(1024) }).passthrough(),
    from: z.object({ id: z.string().min(1).max(1024) }).passthrough(),
    recipient: z.object({ id: z.string().min(1).max(1024) }).passthrough(),
    text: z.string().max(28_000).optional(),
  })
  .passthrough();

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

  constructor(
    config: AppConfig,
    private readonly bot: LeadingCompassionatelyBot,
    private readonly telemetry: Telemetry,
    credentialsFactory?: ServiceClientCredentialsFactory,
  ) {
    const auth = new ConfigurationBotFrameworkAuthentication(authOptions(config), credentialsFactory);
    this.adapter = new CloudAdapter(auth);
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
    const activity = validate(InboundActivitySchema, body.value);
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
