import type { Activity } from 'botbuilder';
import {
  AuthenticationConstants,
  BotFrameworkAuthentication,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import { LruCache } from '../core/lru';

/** Bot Connector clients kept: one per app id, service URL and audience, so a handful in Teams. */
const MAX_CONNECTOR_CLIENTS = 64;
/** User token clients kept: one per app id. */
const MAX_TOKEN_CLIENTS = 16;

/**
 * The app id a claims identity speaks for, as botframework-connector reads it when it makes clients: the audience
 * claim for a channel's request, the appid claim for the Emulator's, none for an unauthenticated local request.
 */
function appIdOf(claimsIdentity: ClaimsIdentity): string {
  return (
    claimsIdentity.getClaimValue(AuthenticationConstants.AudienceClaim) ??
    claimsIdentity.getClaimValue(AuthenticationConstants.AppIdClaim) ??
    ''
  );
}

/** Hands out one Bot Connector client per app id, service URL and audience, made by the wrapped factory. */
class ReusingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly factory: ConnectorFactory,
    private readonly appId: string,
    private readonly clients: LruCache<string, ConnectorClient>,
  ) {
    super();
  }

  async create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const key = JSON.stringify([this.appId, serviceUrl, audience ?? null]);
    const known = this.clients.get(key);
    if (known) return known;
    const client = await this.factory.create(serviceUrl, audience);
    this.clients.set(key, client);
    return client;
  }
}

/**
 * Bot Framework authentication that checks every request exactly as the wrapped one does, but reuses the clients
 * it makes for answering. botbuilder asks for a new Bot Connector client and a new user token client on every
 * turn, and each builds its own HTTP pipeline (a sizeable share of a turn's CPU); they hold no per-turn state
 * (credentials fetch and cache their own tokens), so one per app id, service URL and audience serves every turn.
 * Proactive messages keep a client of their own per send (see createConnectorFactory).
 */
export class ReusingBotFrameworkAuthentication extends BotFrameworkAuthentication {
  private readonly connectorClients = new LruCache<string, ConnectorClient>(MAX_CONNECTOR_CLIENTS);
  private readonly tokenClients = new LruCache<string, UserTokenClient>(MAX_TOKEN_CLIENTS);

  constructor(private readonly auth: BotFrameworkAuthentication) {
    super();
  }

  /** Checks the request as the wrapped authentication does; its connector factory reuses clients. */
  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await this.auth.authenticateRequest(activity, authHeader);
    return { ...result, connectorFactory: this.reusing(result.connectorFactory, result.claimsIdentity) };
  }

  /** Checks a streaming request as the wrapped authentication does. */
  async authenticateStreamingRequest(
    authHeader: string,
    channelIdHeader: string,
  ): Promise<AuthenticateRequestResult> {
    const result = await this.auth.authenticateStreamingRequest(authHeader, channelIdHeader);
    return { ...result, connectorFactory: this.reusing(result.connectorFactory, result.claimsIdentity) };
  }

  /**
   * The wrapped authentication's connector factory, for proactive messages: a new client each time, as before,
   * since the outbox takes the retry policy out of the client it sends with (bot/outbox/teams-transport.ts),
   * which must not reach the clients replies in turns are sent with.
   */
  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.auth.createConnectorFactory(claimsIdentity);
  }

  /** The user token client for the identity's app id, made once by the wrapped authentication. */
  async createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    const appId = appIdOf(claimsIdentity);
    const known = this.tokenClients.get(appId);
    if (known) return known;
    const client = await this.auth.createUserTokenClient(claimsIdentity);
    this.tokenClients.set(appId, client);
    return client;
  }

  /** The wrapped authentication's client for calling skills. */
  override createBotFrameworkClient(): BotFrameworkClient {
    return this.auth.createBotFrameworkClient();
  }

  /** The wrapped authentication's originating audience. */
  override getOriginatingAudience(): string {
    return this.auth.getOriginatingAudience();
  }

  /** Checks a channel's auth header as the wrapped authentication does. */
  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.auth.authenticateChannelRequest(authHeader);
  }

  private reusing(
    factory: ConnectorFactory | undefined,
    claimsIdentity: ClaimsIdentity,
  ): ConnectorFactory | undefined {
    return factory && new ReusingConnectorFactory(factory, appIdOf(claimsIdentity), this.connectorClients);
  }
}
