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
 * Sends cards to people 1:1 through their stored personal conversation (booking confirmations, waitlist
 * promotions). A person the bot cannot reach is skipped; a conversation Teams says is gone (403/404) is
 * forgotten. botbuilder's connector already retries 429 and 502 itself.
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
    // The adapter routes errors inside the turn to onTurnError and does not rethrow, so keep the send's own.
    let failure: unknown;
    await this.adapter.continueConversationAsync(this.botAppId, referenceOf(record), async (context) => {
      try {
        await context.sendActivity({ type: 'message', attachments: [CardFactory.adaptiveCard(content)] });
      } catch (error) {
        failure = error;
      }
    });
    if (failure === undefined) {
      this.telemetry.event('notify.sent', { reason });
      return true;
    }
    const status = (failure as { statusCode?: number }).statusCode;
    if (status !== undefined && GONE_STATUSES.has(status)) {
      await this.conversations.remove(record.conversationId);
      this.telemetry.event('notify.gone', { reason, status });
      return false;
    }
    this.telemetry.exception(failure, { reason });
    return false;
  }
}
