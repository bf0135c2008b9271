import {
  CardFactory,
  TeamsActivityHandler,
  TurnContext,
  type Activity,
  type Attachment,
  type ConversationAccount,
} from 'botbuilder';
import type { UrgentSupport } from '../core/content/urgent-support';
import type { ConversationRecord, ConversationScope, ConversationStore, Telemetry } from '../core/ports';
import { needsUrgentSupport } from '../core/safety';
import { cannotAnswerYetCard, helpCard, welcomeCard, type CardLinks } from './cards/cards';
import type { AdaptiveCard } from './cards/types';
import { urgentSupportCard } from './cards/urgent-card';

/** What the bot needs from the rest of the service. */
export interface BotDependencies {
  conversations: ConversationStore;
  telemetry: Telemetry;
  links: CardLinks;
  /** The live urgent-support content (content can be reloaded while running). */
  urgentSupport: () => UrgentSupport;
  now: () => Date;
}

interface TeamsChannelData {
  team?: { id?: string };
  tenant?: { id?: string };
}

/** The commands the bot understands today. */
type Command = 'help' | 'unknown';

/** Reads what the person asked for, once any @mention of the bot is stripped. */
export function parseCommand(text: string): Command {
  const words = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s?]/gu, ' ')
    .trim()
    .split(/\s+/);
  if (words.length === 1 && ['help', '?', 'hi', 'hello', 'start', 'menu'].includes(words[0] ?? ''))
    return 'help';
  if (words.length <= 3 && words[0] === 'help') return 'help';
  return 'unknown';
}

function scopeOf(conversation: ConversationAccount): ConversationScope {
  if (conversation.conversationType === 'channel') return 'channel';
  if (conversation.conversationType === 'groupChat' || conversation.isGroup) return 'groupChat';
  return 'personal';
}

/** Builds the stored reference for the conversation an activity came from (ids only, no names). */
export function conversationRecordOf(activity: Activity, now: Date): ConversationRecord | undefined {
  const { conversation, serviceUrl, channelId, recipient, from } = activity;
  if (!conversation?.id || !serviceUrl || !recipient?.id) return undefined;
  const channelData = (activity.channelData ?? {}) as TeamsChannelData;
  const scope = scopeOf(conversation);
  return {
    conversationId: conversation.id,
    scope,
    channelId: channelId || 'msteams',
    serviceUrl,
    tenantId: conversation.tenantId ?? channelData.tenant?.id,
    botId: recipient.id,
    userId: scope === 'personal' ? from?.id : undefined,
    userAadObjectId: scope === 'personal' ? from?.aadObjectId : undefined,
    teamId: channelData.team?.id,
    updatedAt: now.toISOString(),
  };
}

function attach(content: AdaptiveCard): Partial<Activity> {
  const attachment: Attachment = CardFactory.adaptiveCard(content);
  return { type: 'message', attachments: [attachment] };
}

/**
 * The Teams bot. It remembers every conversation it hears from (for nudges later), welcomes people on install,
 * puts urgent-support signposting before anything else, and answers what it can.
 */
export class LeadingCompassionatelyBot extends TeamsActivityHandler {
  constructor(private readonly deps: BotDependencies) {
    super();

    this.onMessage(async (context, next) => {
      await this.answer(context);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient.id;
      if ((context.activity.membersAdded ?? []).some((member) => member.id === botId)) {
        await context.sendActivity(attach(welcomeCard(this.deps.links)));
        this.deps.telemetry.event('bot.installed', { scope: scopeOf(context.activity.conversation) });
      }
      await next();
    });

    this.onMembersRemoved(async (context, next) => {
      const botId = context.activity.recipient.id;
      if ((context.activity.membersRemoved ?? []).some((member) => member.id === botId)) {
        await this.forgetConversation(context.activity);
      }
      await next();
    });

    this.onInstallationUpdateRemove(async (context, next) => {
      await this.forgetConversation(context.activity);
      await next();
    });
  }

  /** Saves or refreshes the conversation reference on every inbound activity, then dispatches it. */
  override async run(context: TurnContext): Promise<void> {
    if (!this.isRemoval(context.activity)) {
      const record = conversationRecordOf(context.activity, this.deps.now());
      if (record) await this.deps.conversations.save(record);
    }
    await super.run(context);
  }

  private isRemoval(activity: Activity): boolean {
    if (activity.type === 'installationUpdate') return activity.action?.startsWith('remove') ?? false;
    if (activity.type === 'conversationUpdate') {
      return (activity.membersRemoved ?? []).some((member) => member.id === activity.recipient?.id);
    }
    return false;
  }

  private async forgetConversation(activity: Activity): Promise<void> {
    const teamId = (activity.channelData as TeamsChannelData | undefined)?.team?.id;
    if (teamId && scopeOf(activity.conversation) === 'channel') {
      await this.deps.conversations.removeTeam(teamId);
    }
    await this.deps.conversations.remove(activity.conversation.id);
    this.deps.telemetry.event('bot.uninstalled', { scope: scopeOf(activity.conversation) });
  }

  private async answer(context: TurnContext): Promise<void> {
    const text = (TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '').trim();
    const scope = scopeOf(context.activity.conversation);
    if (needsUrgentSupport(text)) {
      this.deps.telemetry.event('bot.urgentSupport', { scope });
      await context.sendActivity(attach(urgentSupportCard(this.deps.urgentSupport())));
      return;
    }
    const command = parseCommand(text);
    this.deps.telemetry.event('bot.message', { command, scope });
    const reply = command === 'help' ? helpCard(this.deps.links) : cannotAnswerYetCard(this.deps.links);
    await context.sendActivity(attach(reply));
  }
}
