import { bookingOrganisation, type ProfileStore } from '../core/profiles/profile';
import {
  ActivityTypes,
  CardFactory,
  TeamsActivityHandler,
  TurnContext,
  type Activity,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type Attachment,
  type ConversationAccount,
  type InvokeResponse,
} from 'botbuilder';
import { z } from 'zod';
import type { AskResult, LiveAnswerer } from '../core/answering/ask';
import type { Command } from '../core/answering/commands';
import { ErrorCodes } from '../core/errors';
import { waitlistPosition, type Booking, type SignUpDecision } from '../core/circles/bookings';
import type { Circle } from '../core/circles/circle';
import type { CircleStore, FacilitatorStore } from '../core/circles/ports';
import { AUDIENCES, pickByIds, type Audience, type ContentLibrary, type Guide } from '../core/content/model';
import { mayManageCircle, type Role } from '../core/identity';
import { dayOf, startOfDayIso } from '../core/privacy';
import type {
  ConversationRecord,
  ConversationScope,
  ConversationStore,
  FeedbackStore,
  Telemetry,
  UnansweredStore,
} from '../core/ports';
import {
  GUIDE_FEEDBACK_VERB,
  STOP_NUDGES_VERB,
  guideCard,
  helpCard,
  noMatchCard,
  offTopicCard,
  planCard,
  welcomeCard,
  type CardLinks,
  type FeedbackState,
} from './cards/cards';
import {
  CIRCLE_VERBS,
  MAX_LISTED_CIRCLES,
  circleListCard,
  circleNoticeCard,
  circlePersonalCard,
  myCirclesCard,
  type PersonalState,
} from './cards/circle-cards';
import type { AdaptiveCard } from './cards/types';
import type { CircleNotices } from './circle-notices';
import { checkInCard, SAFETY_VERBS, urgentSupportCard } from './cards/urgent-card';
import { errorBody, statusFor } from './http/responses';
import { nudgeSettingsCard } from './cards/nudge-cards';
import { CIRCLE_FEEDBACK_VERB, circleFeedbackCard, FEEDBACK_NOTE_MAX } from './cards/reminder-cards';
import { giveCircleFeedback, type CircleFeedbackStore } from '../core/feedback/circle-feedback';
import { DEFAULT_NUDGE_SETTINGS, type NudgeSettings, type NudgeStore } from '../core/nudges/ports';

/** The guides a caller without the facilitator role is answered from. */
const MANAGER_ONLY: readonly Audience[] = ['manager'];

/** What the bot needs from the rest of the service. */
export interface BotDependencies {
  conversations: ConversationStore;
  circles: CircleStore;
  facilitators: FacilitatorStore;
  /** The organisation people give in Settings (organisation-only circles are booked by it). */
  profiles: ProfileStore;
  /** The person's roles, from their Entra object id (for facilitator-only commands). */
  rolesOf: (userId: string) => Promise<Role[]>;
  /** An "Add to calendar" link for one person's booking, when the service has a public address. */
  /** The signed "Add to calendar" link for one confirmed booking (undefined without a public address). */
  calendarUrl: (circle: Circle, booking: Booking) => string | undefined;
  /** Private booking cards sent 1:1. */
  notices: CircleNotices;
  /** Local demo only: post the next circle's invite when the bot joins a channel, so there is one to try. */
  demoMode: boolean;
  /** The shared invite card for a circle, with refresh for people who hold a place. */
  inviteCard: (circleId: string) => Promise<AdaptiveCard | undefined>;
  /** Called after bookings change, so posted invite cards can show the new seat count. */
  onBookingsChanged: (circleId: string) => Promise<void>;
  feedback: FeedbackStore;
  /** Circle feedback answers, kept without identity (one per person per circle, by `circleFeedbackKey`). */
  circleFeedback: CircleFeedbackStore;
  /** One-way key of a person and a circle for their feedback (never their id). */
  circleFeedbackKey: (circleId: string, userId: string) => string;
  /** Nudge preferences: "nudges on", "nudges off" and "stop" in a 1:1 chat, and "Stop nudges" on a nudge card. */
  nudges: NudgeStore;
  unanswered: UnansweredStore;
  /** Erases everything held about a person (Teams' deleteUserData activity); see bot/personal-data.ts. */
  eraseUser: (userId: string) => Promise<void>;
  telemetry: Telemetry;
  links: CardLinks;
  answerer: LiveAnswerer;
  now: () => Date;
  /** One-way key of a person's vote on a guide, so each person has one vote per guide (never their id). */
  voterKey?: (guideId: string, userId: string) => string;
}

/** The activity type Teams sends when a person asks for their data to be deleted. */
const DELETE_USER_DATA: string = ActivityTypes.DeleteUserData;
/** What a task module request (a dialog this app does not have) is answered with. */
const UNSUPPORTED_TASK_MESSAGE =
  'Leading Compassionately has no dialogs. Type help in a chat with me to see what I can do.';

/** The longest question kept for the content team. */
const MAX_STORED_QUESTION = 500;

/** The data a check-in card's "safe for now" button sends: only the ids of the guides to offer next. */
const SafeForNowSchema = z.object({
  guideIds: z
    .array(
      z
        .string()
        .regex(/^[a-z0-9-]+$/)
        .max(80),
    )
    .max(5),
});

/** What the feedback card after a circle sends: its circle, and the person's answers from the card's inputs. */
const CircleFeedbackActionSchema = z
  .object({
    circleId: z.string().uuid(),
    helpful: z.enum(['1', '2', '3', '4', '5']),
    recommend: z.enum(['yes', 'no']),
    differently: z.string().trim().max(FEEDBACK_NOTE_MAX).optional(),
  })
  .passthrough();

/** The data a "Was this helpful?" button sends. */
const GuideFeedbackSchema = z
  .object({ guideId: z.string().min(1).max(80), helpful: z.boolean(), nudge: z.boolean().optional() })
  .passthrough();

/**
 * The data a circle button sends: the circle, and for a button on a list card (or on My circles), where it came
 * from and which circles the list shows, so the answer is that card again. Identity never comes from here.
 */
const CircleActionSchema = z
  .object({
    circleId: z.string().uuid(),
    from: z.enum(['invite', 'list', 'mine']).default('invite'),
    circles: z
      .string()
      .max(MAX_LISTED_CIRCLES * 37)
      .transform((ids) => ids.split(',').filter((id) => id !== ''))
      .pipe(z.array(z.string().uuid()).max(MAX_LISTED_CIRCLES))
      .optional(),
  })
  .passthrough();

interface TeamsChannelData {
  team?: { id?: string; name?: unknown };
  channel?: { id?: string; name?: unknown };
  tenant?: { id?: string };
}

/** A team or channel name as Teams sends it; anything else is ignored. */
const TeamsNameSchema = z.string().trim().min(1).max(120);

function nameOf(value: unknown): string | undefined {
  const parsed = TeamsNameSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/**
 * A channel's display name, "Team › Channel", from the names Teams puts on some activities (installs, channel
 * events). The General channel has the team's id and often comes without a name. Undefined when the activity
 * does not name both, so the title stored earlier is kept.
 */
export function channelTitleOf(channelData: TeamsChannelData, conversationId: string): string | undefined {
  const team = nameOf(channelData.team?.name);
  if (!team) return undefined;
  const channelId = channelData.channel?.id ?? conversationId.split(';')[0];
  const channel =
    nameOf(channelData.channel?.name) ?? (channelId === channelData.team?.id ? 'General' : undefined);
  return channel ? `${team} › ${channel}` : undefined;
}

function scopeOf(conversation: ConversationAccount): ConversationScope {
  if (conversation.conversationType === 'channel') return 'channel';
  if (conversation.conversationType === 'groupChat' || conversation.isGroup) return 'groupChat';
  return 'personal';
}

/**
 * Builds the stored reference for the conversation an activity came from: ids, plus the team and channel names
 * for a channel (never a person's name). A personal chat's row names a person, so it keeps only the day of their
 * last message (midnight UTC): a precise time would join it to anything else written in the same turn, such as
 * an "anonymous" unanswered question. Channels and group chats name no person and keep the exact time.
 */
export function conversationRecordOf(activity: Activity, now: Date): ConversationRecord | undefined {
  const { conversation, serviceUrl, channelId, recipient, from } = activity;
  if (!conversation?.id || !serviceUrl || !recipient?.id) return undefined;
  const channelData = (activity.channelData ?? {}) as TeamsChannelData;
  const scope = scopeOf(conversation);
  const title = scope === 'channel' ? channelTitleOf(channelData, conversation.id) : undefined;
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
    ...(title === undefined ? {} : { title }),
    updatedAt: scope === 'personal' ? startOfDayIso(now) : now.toISOString(),
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
        if (this.deps.demoMode && scopeOf(context.activity.conversation) === 'channel')
          await this.postDemoInvite(context);
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

    // Teams sends a deleteUserData activity when a person asks for their data to be deleted. The person is the
    // sender of this authenticated activity (their Entra object id), never anyone named in its payload.
    this.onUnrecognizedActivityType(async (context, next) => {
      if (context.activity.type === DELETE_USER_DATA) {
        const userId = context.activity.from?.aadObjectId;
        if (userId) await this.deps.eraseUser(userId);
        this.deps.telemetry.event('bot.deleteUserData', { identified: userId !== undefined });
      }
      await next();
    });
  }

  /** Saves or refreshes the conversation reference on every inbound activity, then dispatches it. */
  override async run(context: TurnContext): Promise<void> {
    if (!this.isRemoval(context.activity) && context.activity.type !== DELETE_USER_DATA) {
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
    const answerer = this.deps.answerer.current();
    const { library } = answerer;
    const result = answerer.ask(text.slice(0, 2000), await this.audiencesOf(context));
    if (result.intent === 'urgent') {
      // Safety comes first and alone. The message is never stored, and neither it nor any guide id goes to
      // telemetry: only the level and where it was said.
      this.deps.telemetry.event('urgent', { level: result.urgency ?? 'immediate', scope });
      await context.sendActivity(attach(safetyCard(result, library)));
      return;
    }
    this.deps.telemetry.event('bot.ask', {
      intent: result.intent,
      scope,
      answered: result.intent !== 'guide' || result.answers.length > 0,
      guideId: result.answers[0]?.guideId ?? 'none',
    });
    const reply = await this.replyFor(context, result, text, library);
    const sent = await context.sendActivity(attach(reply));
    const posted = result.command?.kind === 'postCircle' ? postedCircleId(reply) : undefined;
    if (posted && sent?.id) {
      await this.deps.circles.recordPost(
        { circleId: posted, conversationId: context.activity.conversation.id, activityId: sent.id },
        this.deps.now(),
      );
    }
  }

  /** Facilitators (and admins) are answered from every guide; everyone else from the guides for managers. */
  private async audiencesOf(context: TurnContext): Promise<readonly Audience[]> {
    const userId = context.activity.from?.aadObjectId;
    const roles = userId ? await this.deps.rolesOf(userId) : [];
    return roles.includes('facilitator') || roles.includes('admin') ? AUDIENCES : MANAGER_ONLY;
  }

  private async replyFor(
    context: TurnContext,
    result: AskResult,
    text: string,
    library: ContentLibrary,
  ): Promise<AdaptiveCard> {
    const { links } = this.deps;
    switch (result.intent) {
      case 'urgent':
        return safetyCard(result, library);
      case 'help':
        return helpCard(links);
      case 'offTopic':
        return offTopicCard(links);
      case 'plan':
        return planCard(library.themes, links);
      case 'circles':
        return this.circlesReply(context, result.command);
      case 'nudges':
        return this.nudgesReply(
          context,
          result.command?.kind === 'nudges' ? result.command.setting : undefined,
        );
      case 'guide': {
        const [best, ...others] = result.answers;
        const guide = best && library.guides.find((candidate) => candidate.id === best.guideId);
        if (!guide) {
          // Only the day is kept, so the question cannot be joined to the asker's conversation row by time.
          await this.deps.unanswered.record(text.slice(0, MAX_STORED_QUESTION), dayOf(this.deps.now()));
          return noMatchCard(links);
        }
        const alternatives = pickByIds(
          library.guides,
          others.map((other) => other.guideId),
        );
        return this.guideCardFor(guide, library, alternatives, 'ask');
      }
    }
  }

  /**
   * "nudges on", "nudges off", "stop": changes the person's own setting (their identity from the activity) in a
   * 1:1 chat; in a shared chat nothing changes and the card says where to do it.
   */
  private async nudgesReply(context: TurnContext, setting: 'on' | 'off' | undefined): Promise<AdaptiveCard> {
    const userId = context.activity.from?.aadObjectId;
    const personal = scopeOf(context.activity.conversation) === 'personal';
    if (!personal || !userId)
      return nudgeSettingsCard(DEFAULT_NUDGE_SETTINGS, undefined, this.deps.links, true);
    const settings = await this.setNudges(userId, setting);
    return nudgeSettingsCard(settings, setting, this.deps.links);
  }

  /** Turns a person's nudges on or off (keeping their day, time and zone); undefined only reads them. */
  private async setNudges(userId: string, setting: 'on' | 'off' | undefined): Promise<NudgeSettings> {
    const current = (await this.deps.nudges.get(userId)) ?? DEFAULT_NUDGE_SETTINGS;
    if (setting === undefined || current.enabled === (setting === 'on')) return { ...current };
    const updated = { ...current, enabled: setting === 'on' };
    await this.deps.nudges.save(userId, updated, this.deps.now());
    this.deps.telemetry.event('nudges.changed', { enabled: updated.enabled, via: 'chat' });
    return updated;
  }

  private guideCardFor(
    guide: Guide,
    library: ContentLibrary,
    alternatives: readonly Guide[],
    feedback: FeedbackState,
    nudge = false,
  ): AdaptiveCard {
    const theme = library.themes.find((candidate) => candidate.id === guide.themeId);
    if (!theme)
      throw new Error(
        `Guide ${guide.id} has no theme ${guide.themeId}; the content check should prevent this.`,
      );
    return guideCard({ guide, theme, alternatives, feedback, nudge }, this.deps.links);
  }

  private async postDemoInvite(context: TurnContext): Promise<void> {
    const conversationId = context.activity.conversation.id;
    const upcoming = await this.deps.circles.list({
      from: this.deps.now().toISOString(),
      status: 'scheduled',
    });
    for (const circle of upcoming) {
      if ((await this.deps.circles.posts(circle.id)).some((post) => post.conversationId === conversationId))
        return;
    }
    const [next] = upcoming;
    const card = next && (await this.deps.inviteCard(next.id));
    if (!next || !card) return;
    const sent = await context.sendActivity(attach(card));
    if (sent?.id) {
      await this.deps.circles.recordPost(
        { circleId: next.id, conversationId, activityId: sent.id },
        this.deps.now(),
      );
    }
  }

  private async circlesReply(context: TurnContext, command: Command | undefined): Promise<AdaptiveCard> {
    const userId = context.activity.from?.aadObjectId;
    if (command?.kind === 'myCircles') {
      if (!userId) {
        return circleNoticeCard(
          'My circles',
          "I couldn't tell who you are in this chat, so I can't show your bookings. Open Leading Compassionately to see them.",
        );
      }
      return this.myCircles(userId);
    }
    const upcoming = await this.deps.circles.list({
      from: this.deps.now().toISOString(),
      status: 'scheduled',
    });
    if (command?.kind === 'postCircle') {
      const roles = userId ? await this.deps.rolesOf(userId) : [];
      if (!roles.includes('facilitator') && !roles.includes('admin')) {
        return circleNoticeCard(
          'Posting circle invites',
          'Only facilitators can post circle invites. Type **circles** to see circles you can join.',
        );
      }
      // Role and ownership: a facilitator posts only the circles they run or co-facilitate (an admin any).
      const matches: Circle[] = [];
      for (const circle of upcoming.filter((candidate) => candidate.id.startsWith(command.code))) {
        const coFacilitatorIds = await this.deps.circles.coFacilitators(circle.id);
        if (userId && mayManageCircle({ ...circle, coFacilitatorIds }, userId, roles)) matches.push(circle);
      }
      const invite =
        matches.length === 1 && matches[0] ? await this.deps.inviteCard(matches[0].id) : undefined;
      if (!invite || !matches[0]) return this.listCard(upcoming, undefined, true);
      this.deps.telemetry.event('circles.posted', { circleId: matches[0].id });
      return invite;
    }
    // Only in a 1:1 chat does the list show the person's own places; a shared chat sees the same list for all.
    const personal = scopeOf(context.activity.conversation) === 'personal';
    return this.listCard(upcoming, personal ? userId : undefined, !personal);
  }

  /** The person's bookings on circles still to run; with `outcome`, a circle they just gave up stays in its place. */
  private async myCircles(
    userId: string,
    outcome?: { circle: Circle; state: PersonalState },
  ): Promise<AdaptiveCard> {
    const items: { circle: Circle; state: PersonalState }[] = [];
    for (const booking of await this.deps.circles.bookingsOf(userId)) {
      const circle = await this.deps.circles.get(booking.circleId);
      if (!circle || circle.status !== 'scheduled' || circle.id === outcome?.circle.id) continue;
      const bookings = await this.deps.circles.bookings(circle.id);
      const state: PersonalState =
        booking.status === 'confirmed'
          ? {
              kind: 'booked',
              joinUrl: circle.meetingUrl,
              calendarUrl: this.deps.calendarUrl(circle, booking),
            }
          : { kind: 'waitlisted', position: waitlistPosition(bookings, userId) ?? 1 };
      items.push({ circle, state });
    }
    if (outcome) items.push(outcome);
    items.sort((a, b) => a.circle.startsAt.localeCompare(b.circle.startsAt));
    return myCirclesCard(
      await Promise.all(
        items.map(async ({ circle, state }) => ({
          summary: await this.deps.notices.summaryOf(circle),
          state,
        })),
      ),
    );
  }

  /**
   * A list card of circles (the first MAX_LISTED_CIRCLES). With a person, each circle shows their own place from
   * the bookings (join link and calendar file only when not shared), and `outcome` shows what they just did.
   */
  private async listCard(
    circles: readonly Circle[],
    userId: string | undefined,
    shared: boolean,
    outcome?: { circleId: string; state: PersonalState },
  ): Promise<AdaptiveCard> {
    const listed = circles.slice(0, MAX_LISTED_CIRCLES);
    const mine = new Map<string, PersonalState>();
    for (const circle of listed) {
      const bookings = userId ? await this.deps.circles.bookings(circle.id) : [];
      const booking = bookings.find((candidate) => candidate.userId === userId);
      if (!userId || !booking) continue;
      mine.set(
        circle.id,
        booking.status === 'waitlisted'
          ? { kind: 'waitlisted', position: waitlistPosition(bookings, userId) ?? 1 }
          : this.stateAfterSignUp({ kind: 'alreadyConfirmed' }, circle, booking, shared),
      );
    }
    if (outcome) mine.set(outcome.circleId, outcome.state);
    return circleListCard(
      await Promise.all(listed.map((circle) => this.deps.notices.summaryOf(circle))),
      this.deps.links.tab('circles'),
      mine,
    );
  }

  /** Sign up or cancel on a circle card: identity comes from the invoke activity, never from card data. */
  private async circleAction(
    context: TurnContext,
    verb: string,
    data: unknown,
  ): Promise<AdaptiveCardInvokeResponse> {
    const parsed = CircleActionSchema.safeParse(data);
    if (!parsed.success) return invokeError(400, 'BadActionData', 'This card is out of date.');
    const circle = await this.deps.circles.get(parsed.data.circleId);
    if (!circle) return invokeError(404, 'CircleNotFound', 'This circle no longer exists.');
    const userId = context.activity.from?.aadObjectId;
    if (!userId) return invokeError(401, 'NoIdentity', 'I could not tell who you are.');
    const shared = scopeOf(context.activity.conversation) !== 'personal';
    let state: PersonalState;
    if (verb === CIRCLE_VERBS.signUp) {
      const organisationId = bookingOrganisation(
        await this.deps.profiles.get(userId),
        await this.deps.facilitators.get(userId),
      );
      const result = await this.deps.circles.signUp(
        circle.id,
        {
          userId,
          organisationId,
          displayName: context.activity.from.name,
          teamsUserId: context.activity.from.id,
        },
        this.deps.now(),
      );
      state = result.ok
        ? this.stateAfterSignUp(result.value.decision, circle, result.value.booking, shared)
        : { kind: 'refused', message: result.message };
      if (result.ok && result.value.decision.kind === 'confirmed' && shared && state.kind === 'booked') {
        state.sentPrivately = await this.deps.notices.sendBooked(circle.id, userId, 'confirmed');
      }
      this.deps.telemetry.event('bot.circleSignUp', {
        circleId: circle.id,
        outcome: result.ok ? result.value.decision.kind : result.code,
      });
    } else {
      const result = await this.deps.circles.cancel(circle.id, userId, this.deps.now());
      state = result.ok ? { kind: 'cancelled' } : { kind: 'refused', message: result.message };
      const promoted = result.ok ? result.value.promoted : undefined;
      if (promoted) await this.deps.notices.sendBooked(circle.id, promoted.userId, 'promoted');
      this.deps.telemetry.event('bot.circleCancel', {
        circleId: circle.id,
        outcome: result.ok ? 'cancelled' : result.code,
      });
    }
    await this.deps.onBookingsChanged(circle.id);
    const latest = (await this.deps.circles.get(circle.id)) ?? circle;
    let card: AdaptiveCard;
    if (parsed.data.from === 'list') {
      const listed = await this.listedCircles(parsed.data.circles ?? [], circle.id);
      card = await this.listCard(listed, userId, shared, { circleId: circle.id, state });
    } else if (parsed.data.from === 'mine') {
      card = await this.myCircles(userId, { circle: latest, state });
    } else {
      card = circlePersonalCard(await this.deps.notices.summaryOf(latest), state);
    }
    return invokeCard(card);
  }

  /** The circles a list card showed, as they are now (gone ones left out); the clicked circle is always there. */
  private async listedCircles(ids: readonly string[], clickedId: string): Promise<Circle[]> {
    const listed: Circle[] = [];
    for (const id of ids.includes(clickedId) ? ids : [clickedId, ...ids]) {
      const circle = await this.deps.circles.get(id);
      if (circle) listed.push(circle);
    }
    return listed;
  }

  /**
   * "Send feedback" on the card after a circle: records the answers without the person's identity (one answer per
   * person per circle; a repeat replaces it). Who answered comes from the invoke, never from the card's data.
   */
  private async circleFeedback(context: TurnContext, data: unknown): Promise<AdaptiveCardInvokeResponse> {
    const parsed = CircleFeedbackActionSchema.safeParse(data);
    if (!parsed.success)
      return invokeError(
        400,
        'BadActionData',
        'Choose how helpful it was and whether you would recommend it.',
      );
    const userId = context.activity.from?.aadObjectId;
    if (!userId) return invokeError(401, 'NoIdentity', 'I could not tell who you are.');
    const { circleId, helpful, recommend, differently } = parsed.data;
    const result = await giveCircleFeedback(
      { circles: this.deps.circles, circleFeedback: this.deps.circleFeedback },
      circleId,
      { userId, personKey: this.deps.circleFeedbackKey(circleId, userId) },
      { helpful: Number(helpful), recommend: recommend === 'yes', change: differently || undefined },
      this.deps.now(),
    );
    this.deps.telemetry.event('bot.circleFeedback', {
      circleId,
      outcome: result.ok ? result.value : result.code,
    });
    if (!result.ok) return invokeError(statusFor(result.code), result.code, result.message);
    const circle = await this.deps.circles.get(circleId);
    if (!circle) return invokeError(404, 'CircleNotFound', 'This circle no longer exists.');
    return invokeCard(circleFeedbackCard(await this.deps.notices.summaryOf(circle), 'thanks'));
  }

  /** A posted invite refreshing for someone with a place: their own view (never the join link in a shared chat). */
  private async circleRefresh(context: TurnContext, data: unknown): Promise<AdaptiveCardInvokeResponse> {
    const parsed = z.object({ circleId: z.string().uuid() }).passthrough().safeParse(data);
    if (!parsed.success) return invokeError(400, 'BadActionData', 'This card is out of date.');
    const circle = await this.deps.circles.get(parsed.data.circleId);
    if (!circle) return invokeError(404, 'CircleNotFound', 'This circle no longer exists.');
    const userId = context.activity.from?.aadObjectId;
    const bookings = await this.deps.circles.bookings(circle.id);
    const mine = userId ? bookings.find((booking) => booking.userId === userId) : undefined;
    let card: AdaptiveCard | undefined;
    if (mine && userId) {
      const shared = scopeOf(context.activity.conversation) !== 'personal';
      const state: PersonalState =
        mine.status === 'waitlisted'
          ? { kind: 'waitlisted', position: waitlistPosition(bookings, userId) ?? 1 }
          : this.stateAfterSignUp({ kind: 'alreadyConfirmed' }, circle, mine, shared);
      card = circlePersonalCard(await this.deps.notices.summaryOf(circle), state);
    } else {
      card = await this.deps.inviteCard(circle.id);
    }
    if (!card) return invokeError(404, 'CircleNotFound', 'This circle no longer exists.');
    return invokeCard(card);
  }

  private stateAfterSignUp(
    decision: SignUpDecision,
    circle: Circle,
    booking: Booking,
    shared: boolean,
  ): PersonalState {
    if (decision.kind === 'waitlisted' || decision.kind === 'alreadyWaitlisted') {
      return { kind: 'waitlisted', position: decision.position };
    }
    return shared
      ? { kind: 'booked', joinUrl: undefined, calendarUrl: undefined }
      : { kind: 'booked', joinUrl: circle.meetingUrl, calendarUrl: this.deps.calendarUrl(circle, booking) };
  }

  /**
   * "I'm (they're) safe for now" on a check-in card: the card becomes the first guide it would have offered, with
   * the others as alternatives. Nothing is recorded, so a repeat gives the same card.
   */
  private safeForNow(data: unknown): AdaptiveCardInvokeResponse {
    const parsed = SafeForNowSchema.safeParse(data);
    const library = this.deps.answerer.current().library;
    const guides = parsed.success
      ? parsed.data.guideIds.map((id) => library.guides.find((candidate) => candidate.id === id))
      : [undefined];
    if (guides.some((guide) => guide === undefined))
      return invokeError(400, 'BadActionData', 'This card is out of date.');
    const [first, ...others] = guides.filter((guide): guide is Guide => guide !== undefined);
    return invokeCard(first ? this.guideCardFor(first, library, others, 'ask') : helpCard(this.deps.links));
  }

  /**
   * Invokes the bot does not handle (task modules, message extensions, legacy card actions…): botbuilder answers
   * those 501, which is a server fault to Teams. A task module request gets a task "message" answer (Teams shows
   * it in place of a dialog); any other gets 400 INVOKE_NOT_SUPPORTED with our error body.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const response = await super.onInvokeActivity(context);
    if (response.status !== 501) return response;
    const name = context.activity.name ?? '';
    if (name === 'task/fetch' || name === 'task/submit') {
      return {
        status: 200,
        body: { task: { type: 'message', value: UNSUPPORTED_TASK_MESSAGE } },
      };
    }
    return {
      status: 400,
      body: errorBody(ErrorCodes.INVOKE_NOT_SUPPORTED, 'This app does not support that kind of request.'),
    };
  }

  /**
   * Universal Actions: a check-in's answers, circle sign-up, cancel and refresh, and "Was this helpful?" on a
   * guide card (the vote is recorded without identity and the card updated).
   */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const action = invokeValue.action;
    if (action?.verb === SAFETY_VERBS.safe || action?.verb === SAFETY_VERBS.notSure) {
      // How people answer a check-in, counted without identity or text, shows whether check-ins help.
      const answer = action.verb === SAFETY_VERBS.safe ? 'safeForNow' : 'notSure';
      this.deps.telemetry.event('urgent.checkInAnswer', { answer });
      if (action.verb === SAFETY_VERBS.safe) return this.safeForNow(action.data);
      // "Not sure" on a check-in: the full urgent-support card, whatever the card sent.
      return invokeCard(urgentSupportCard(this.deps.answerer.current().library.urgentSupport));
    }
    if (action?.verb === STOP_NUDGES_VERB) {
      // Whoever pressed it: their own nudges, from the invoke's verified sender (never from card data).
      const userId = context.activity.from?.aadObjectId;
      if (!userId) return invokeError(401, 'NoIdentity', 'I could not tell who you are.');
      return invokeCard(nudgeSettingsCard(await this.setNudges(userId, 'off'), 'off', this.deps.links));
    }
    if (action?.verb === CIRCLE_FEEDBACK_VERB) return this.circleFeedback(context, action.data);
    if (action?.verb === CIRCLE_VERBS.refresh) return this.circleRefresh(context, action.data);
    if (action?.verb === CIRCLE_VERBS.signUp || action?.verb === CIRCLE_VERBS.cancel) {
      return this.circleAction(context, action.verb, action.data);
    }
    if (action?.verb !== GUIDE_FEEDBACK_VERB)
      return invokeError(400, 'UnknownVerb', 'This card action is not recognised.');
    const data = GuideFeedbackSchema.safeParse(action.data);
    const library = this.deps.answerer.current().library;
    const guide = data.success
      ? library.guides.find((candidate) => candidate.id === data.data.guideId)
      : undefined;
    if (!data.success || !guide) return invokeError(400, 'BadActionData', 'This card is out of date.');
    const voter = context.activity.from?.aadObjectId;
    const recorded = await this.deps.feedback.recordGuideFeedback({
      guideId: guide.id,
      helpful: data.data.helpful,
      actionId:
        context.activity.id ??
        `${context.activity.conversation.id}:${context.activity.replyToId ?? ''}:${this.deps.now().toISOString()}`,
      at: this.deps.now(),
      ...(voter && this.deps.voterKey ? { voterKey: this.deps.voterKey(guide.id, voter) } : {}),
    });
    this.deps.telemetry.event('bot.guideFeedback', {
      guideId: guide.id,
      helpful: data.data.helpful,
      repeat: !recorded,
    });
    return invokeCard(
      this.guideCardFor(
        guide,
        library,
        [],
        data.data.helpful ? 'helpful' : 'notHelpful',
        data.data.nudge === true,
      ),
    );
  }
}

/** The circle an invite card is for, read from its Sign up button. */
function postedCircleId(content: AdaptiveCard): string | undefined {
  const signUp = content.actions?.find(
    (action) => action.type === 'Action.Execute' && action.verb === CIRCLE_VERBS.signUp,
  );
  return signUp?.type === 'Action.Execute' ? String(signUp.data?.circleId ?? '') || undefined : undefined;
}

/**
 * What to show first for an urgent message: the check-in card (with the guides to offer once the person is safe
 * for now), or the urgent-support card for an immediate risk or an unknown level.
 */
function safetyCard(result: AskResult, library: ContentLibrary): AdaptiveCard {
  if (result.urgency === 'check-in') {
    return checkInCard(
      library.urgentSupport,
      result.about ?? 'self',
      result.answers.map((answer) => answer.guideId),
    );
  }
  return urgentSupportCard(library.urgentSupport);
}

/** A card that replaces the one whose action was invoked. */
function invokeCard(card: AdaptiveCard): AdaptiveCardInvokeResponse {
  // botbuilder types the card loosely as a record; our AdaptiveCard is a stricter shape of the same JSON.
  return {
    statusCode: 200,
    type: 'application/vnd.microsoft.card.adaptive',
    value: card as unknown as Record<string, unknown>,
  };
}

function invokeError(statusCode: number, code: string, message: string): AdaptiveCardInvokeResponse {
  return { statusCode, type: 'application/vnd.microsoft.error', value: { code, message } };
}
