import type { CloudAdapter, ConversationReference } from 'botbuilder';
import { CardFactory } from 'botbuilder';
import type { ConversationRecord, ConversationStore, Telemetry } from '../core/ports';
import type { AdaptiveCard } from './cards/types';

/** HTTP statuses from the Bot Connector that mean "stop sending to this conversation". */
const GONE_STATUSES = new Set([403, 404]);

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

/**
 * The outcome of posting a card in a stored conversation: the new activity's id, or why not. `unknown`: no such
 * stored conversation; `gone`: Teams answered 403/404 and the conversation was forgotten; `failed`: anything
 * else (with the HTTP status when there was one).
 */
export type ConversationSendResult =
  { ok: true; activityId: string } | { ok: false; reason: 'unknown' | 'gone' | 'failed'; status?: number };

/** What came back from one send: the activity id, or the error botbuilder threw. */
type Delivery = { ok: true; activityId: string | undefined } | { ok: false; failure: unknown };

function statusOf(failure: unknown): number | undefined {
  const status = (failure as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/**
 * Sends cards proactively through stored conversations: to people 1:1 (booking confirmations, waitlist
 * promotions) and to channels (circle invites posted from the tab). A person the bot cannot reach is skipped;
 * a conversation Teams says is gone (403/404) is forgotten. botbuilder's connector already retries 429 and 5xx
 * itself.
 */
export class Notifier {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly conversations: ConversationStore,
    private readonly telemetry: Telemetry,
  ) {}

  /** Sends a card to a person's 1:1 chat; returns whether it was delivered. */
  async sendToPerson(userAadObjectId: string, content: AdaptiveCard, reason: string): Promise<boolean> {
    const record = await this.conversations.findPersonal(userAadObjectId);
    if (!record) {
      this.telemetry.event('notify.unreachable', { reason });
      return false;
    }
    const delivery = await this.deliver(record, content);
    if (delivery.ok) {
      this.telemetry.event('notify.sent', { reason });
      return true;
    }
    await this.handleFailure(record, delivery.failure, reason);
    return false;
  }

  /** Posts a card as a new message in a stored conversation (a channel) and returns the new activity's id. */
  async sendToConversation(
    conversationId: string,
    content: AdaptiveCard,
    reason: string,
  ): Promise<ConversationSendResult> {
    const record = await this.conversations.get(conversationId);
    if (!record) {
      this.telemetry.event('notify.unreachable', { reason });
      return { ok: false, reason: 'unknown' };
    }
    const delivery = await this.deliver(record, content);
    if (delivery.ok && delivery.activityId) {
      this.telemetry.event('notify.sent', { reason });
      return { ok: true, activityId: delivery.activityId };
    }
    if (delivery.ok) {
      this.telemetry.event('notify.noActivityId', { reason });
      return { ok: false, reason: 'failed' };
    }
    const status = statusOf(delivery.failure);
    const gone = await this.handleFailure(record, delivery.failure, reason);
    return { ok: false, reason: gone ? 'gone' : 'failed', ...(status === undefined ? {} : { status }) };
  }

  private async deliver(record: ConversationRecord, content: AdaptiveCard): Promise<Delivery> {
    // The adapter routes errors inside the turn to onTurnError and does not rethrow, so keep the send's own.
    let delivery: Delivery = { ok: false, failure: new Error('The conversation was not continued.') };
    await this.adapter.continueConversationAsync(this.botAppId, referenceOf(record), async (context) => {
      try {
        const sent = await context.sendActivity({
          type: 'message',
          attachments: [CardFactory.adaptiveCard(content)],
        });
        delivery = { ok: true, activityId: sent?.id };
      } catch (error) {
        delivery = { ok: false, failure: error };
      }
    });
    return delivery;
  }

  /** Forgets a conversation Teams says is gone (403/404) and returns true; records anything else. */
  private async handleFailure(
    record: ConversationRecord,
    failure: unknown,
    reason: string,
  ): Promise<boolean> {
    const status = statusOf(failure);
    if (status !== undefined && GONE_STATUSES.has(status)) {
      await this.conversations.remove(record.conversationId);
      this.telemetry.event('notify.gone', { reason, status });
      return true;
    }
    this.telemetry.exception(failure, { reason, ...(status === undefined ? {} : { status }) });
    return false;
  }
}
