import type { CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import { CardFactory } from 'botbuilder';
import type { SendOutcome } from '../../core/outbox/limits';
import type { ConversationRecord } from '../../core/ports';
import type { AdaptiveCard } from '../cards/types';

/** One request's outcome, with the new activity's id when a message was posted. */
export type TransportResult =
  (SendOutcome & { ok: true; activityId?: string }) | (SendOutcome & { ok: false });

/** Posts or updates one card in a stored conversation: exactly one HTTP request, never retried here. */
export interface Transport {
  send(record: ConversationRecord, card: AdaptiveCard): Promise<TransportResult>;
  update(record: ConversationRecord, activityId: string, card: AdaptiveCard): Promise<TransportResult>;
}

/** The name of @azure/core-rest-pipeline's retry policy inside botbuilder's ConnectorClient. */
const CONNECTOR_RETRY_POLICY = 'defaultRetryPolicy';

/** The private parts of botbuilder's ConnectorClient (botbuilder-stdlib's ServiceClientContext) we reach into. */
interface ConnectorClientInternals {
  client?: { pipeline?: { removePolicy(options: { name: string }): unknown } };
}

/**
 * botbuilder's ConnectorClient retries 429, 5xx and network errors itself (core-rest-pipeline's
 * defaultRetryPolicy, 3 retries, honouring Retry-After inside the call). Our sender owns retries and the limits,
 * so that policy is taken out of the per-turn client before any outbox request: one request per attempt.
 */
function withoutConnectorRetries(context: TurnContext): void {
  const connector = context.turnState.get<ConnectorClientInternals | undefined>(
    context.adapter.ConnectorClientKey,
  );
  const pipeline = connector?.client?.pipeline;
  if (!pipeline) {
    throw new Error(
      "botbuilder's ConnectorClient no longer exposes its request pipeline: check bot/outbox/teams-transport.ts after a botbuilder upgrade, or outbox retries would multiply.",
    );
  }
  pipeline.removePolicy({ name: CONNECTOR_RETRY_POLICY });
}

function referenceOf(record: ConversationRecord): Partial<ConversationReference> {
  return {
    channelId: record.channelId,
    serviceUrl: record.serviceUrl,
    bot: { id: record.botId, name: 'Leading Compassionately' },
    user: record.userId ? { id: record.userId, name: '', aadObjectId: record.userAadObjectId } : undefined,
    conversation: {
      id: record.conversationId,
      isGroup: record.scope !== 'personal',
      conversationType: record.scope,
      tenantId: record.tenantId,
      name: '',
    },
  };
}

/** Reads Retry-After (seconds or an HTTP date) from a failed request, in milliseconds. */
function retryAfterMs(failure: unknown, now: number): number | undefined {
  const headers = (failure as { response?: { headers?: { get?: (name: string) => string | undefined } } })
    .response?.headers;
  const value = typeof headers?.get === 'function' ? headers.get('retry-after') : undefined;
  if (value === undefined || value === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Turns what botbuilder threw into a send outcome: an HTTP status (with Retry-After) or a network failure. */
function outcomeOf(failure: unknown): TransportResult {
  const status = (failure as { statusCode?: unknown } | undefined)?.statusCode;
  if (typeof status !== 'number' || status === 0) return { ok: false, status: 'network' };
  const wait = retryAfterMs(failure, Date.now());
  return { ok: false, status, ...(wait === undefined ? {} : { retryAfterMs: wait }) };
}

/** The Bot Connector through botbuilder's CloudAdapter, one request per call. */
export class TeamsTransport implements Transport {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
  ) {}

  send(record: ConversationRecord, card: AdaptiveCard): Promise<TransportResult> {
    return this.once(record, async (context) => {
      const sent = await context.sendActivity({
        type: 'message',
        attachments: [CardFactory.adaptiveCard(card)],
      });
      return { ok: true, ...(sent?.id ? { activityId: sent.id } : {}) };
    });
  }

  update(record: ConversationRecord, activityId: string, card: AdaptiveCard): Promise<TransportResult> {
    return this.once(record, async (context) => {
      await context.updateActivity({
        type: 'message',
        id: activityId,
        attachments: [CardFactory.adaptiveCard(card)],
      });
      return { ok: true };
    });
  }

  private async once(
    record: ConversationRecord,
    work: (context: TurnContext) => Promise<TransportResult>,
  ): Promise<TransportResult> {
    // The adapter routes errors inside the turn to onTurnError and does not rethrow, so keep the send's own.
    let result: TransportResult = { ok: false, status: 'network' };
    let misconfigured: Error | undefined;
    try {
      await this.adapter.continueConversationAsync(this.botAppId, referenceOf(record), async (context) => {
        try {
          withoutConnectorRetries(context);
        } catch (error) {
          misconfigured = error instanceof Error ? error : new Error(String(error));
          return;
        }
        try {
          result = await work(context);
        } catch (error) {
          result = outcomeOf(error);
        }
      });
    } catch (error) {
      // Getting a token or creating the client failed before any request: a network-class failure.
      result = outcomeOf(error);
    }
    if (misconfigured !== undefined) throw misconfigured;
    return result;
  }
}
