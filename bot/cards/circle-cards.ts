import type { Circle } from '../../core/circles/circle';
import { card, heading, openUrl, paragraph, sendCommand } from './building-blocks';
import { plainLine, plainText } from './plain-text';
import type { AdaptiveCard, CardAction, CardElement, ExecuteAction } from './types';

/** Verbs of the circle card buttons. */
export const CIRCLE_VERBS = {
  signUp: 'circleSignUp',
  cancel: 'circleCancel',
  refresh: 'circleRefresh',
} as const;

/** Teams refreshes a card for at most this many named users. */
export const MAX_REFRESH_USERS = 60;

/** What a circle card shows about a circle. */
export interface CircleSummary {
  circle: Circle;
  topic: string;
  facilitatorName: string;
  seatsLeft: number;
}

/** Adaptive Card DATE/TIME functions, so each viewer sees the time in their own time zone. */
function when(startsAt: string): string {
  const iso = startsAt.replace(/\.\d{3}Z$/, 'Z');
  return `{{DATE(${iso}, LONG)}} at {{TIME(${iso})}}`;
}

function execute(title: string, verb: string, circleId: string): ExecuteAction {
  return { type: 'Action.Execute', title, verb, data: { circleId } };
}

function details(summary: CircleSummary): CardElement[] {
  const { circle } = summary;
  return [
    paragraph(`Leadership Support Circle · ${plainLine(summary.topic)}`, { isSubtle: true, size: 'Small' }),
    heading(plainLine(circle.title)),
    {
      type: 'FactSet',
      facts: [
        { title: 'When', value: when(circle.startsAt) },
        { title: 'Length', value: `${circle.durationMinutes} minutes, on Teams` },
        { title: 'Facilitator', value: plainLine(summary.facilitatorName) },
        {
          title: 'Places',
          value:
            summary.seatsLeft > 0
              ? `${summary.seatsLeft} of ${circle.capacity} left`
              : 'Full: you can join the waitlist',
        },
      ],
    },
  ];
}

const CONFIDENTIAL =
  'Circles are confidential: nothing said is attributed, and other people signing up never see your name.';

/**
 * The invite a facilitator posts to a channel: everyone sees the same card and signs up on it. People with a
 * place (up to 60) get their own view through refresh.
 */
export function circleInviteCard(
  summary: CircleSummary,
  refreshUserIds: readonly string[] = [],
): AdaptiveCard {
  const { circle } = summary;
  const body = [...details(summary)];
  if (circle.description) body.push(paragraph(plainText(circle.description)));
  body.push(paragraph(CONFIDENTIAL, { isSubtle: true, size: 'Small' }));
  const actions: CardAction[] =
    circle.status === 'scheduled'
      ? [execute(summary.seatsLeft > 0 ? 'Sign up' : 'Join the waitlist', CIRCLE_VERBS.signUp, circle.id)]
      : [];
  if (circle.status === 'cancelled')
    body.push(paragraph('This circle has been cancelled.', { color: 'Attention' }));
  const invite = card(body, actions, `Leadership Support Circle: ${circle.title}.`);
  if (refreshUserIds.length > 0 && circle.status === 'scheduled') {
    invite.refresh = {
      action: execute('Show my place', CIRCLE_VERBS.refresh, circle.id),
      userIds: refreshUserIds.slice(0, MAX_REFRESH_USERS),
    };
  }
  return invite;
}

/** Where a person stands after signing up or cancelling. */
export type PersonalState =
  | {
      kind: 'booked';
      joinUrl: string | undefined;
      calendarUrl: string | undefined;
      promoted?: boolean;
      sentPrivately?: boolean;
    }
  | { kind: 'waitlisted'; position: number }
  | { kind: 'cancelled' }
  | { kind: 'refused'; message: string };

/**
 * The card the person who clicked sees. In a shared conversation the join link and calendar file are left out
 * (the person finds them under "my circles" in a 1:1 chat), so they never reach anyone who is not confirmed.
 */
export function circlePersonalCard(summary: CircleSummary, state: PersonalState): AdaptiveCard {
  const { circle } = summary;
  const body = details(summary);
  const actions: CardAction[] = [];
  switch (state.kind) {
    case 'booked':
      body.push(
        paragraph(state.promoted ? "**A place came up: you're booked.**" : "**You're booked.**", {
          color: 'Good',
        }),
      );
      if (state.joinUrl) actions.push(openUrl('Join the meeting', state.joinUrl));
      else {
        body.push(
          paragraph(
            state.sentPrivately
              ? "To keep it private, I've sent your join link and calendar file to you in a 1:1 chat."
              : 'To keep it private, your join link and calendar file are in **my circles** in a 1:1 chat with me.',
            {
              isSubtle: true,
            },
          ),
        );
      }
      if (state.calendarUrl) actions.push(openUrl('Add to calendar', state.calendarUrl));
      actions.push(execute('Cancel my place', CIRCLE_VERBS.cancel, circle.id));
      break;
    case 'waitlisted':
      body.push(
        paragraph(
          `**You're on the waitlist (position ${state.position}).** If a place frees up, it's yours and I'll tell you.`,
        ),
      );
      actions.push(execute('Leave the waitlist', CIRCLE_VERBS.cancel, circle.id));
      break;
    case 'cancelled':
      body.push(paragraph('You have given up your place. Thank you for letting someone else have it.'));
      if (circle.status === 'scheduled')
        actions.push(execute('Sign up again', CIRCLE_VERBS.signUp, circle.id));
      break;
    case 'refused':
      body.push(paragraph(state.message, { color: 'Attention' }));
      break;
  }
  body.push(paragraph(CONFIDENTIAL, { isSubtle: true, size: 'Small' }));
  return card(body, actions, `${circle.title}: ${state.kind}.`);
}

/** The most circles a list card shows. */
export const MAX_LISTED_CIRCLES = 6;

/**
 * What a button on a list card sends besides the circle: that it came from a list, and the circles the list
 * shows (comma-separated ids), so the answer can be the same list again. Never anyone's identity.
 */
export interface ListActionData {
  circleId: string;
  from: 'list';
  circles: string;
}

function listButton(
  title: string,
  verb: string,
  circleId: string,
  shown: string,
  tooltip: string,
): ExecuteAction {
  const data: ListActionData = { circleId, from: 'list', circles: shown };
  return { type: 'Action.Execute', title, verb, data: { ...data }, tooltip };
}

function placesLeft(seats: number): string {
  if (seats === 0) return 'waitlist only';
  return seats === 1 ? '1 place left' : `${seats} places left`;
}

/** The viewer's own place in one listed circle, in words, with what they can do about it. */
function placeOnList(
  summary: CircleSummary,
  state: PersonalState | undefined,
  shown: string,
): { lines: CardElement[]; actions: CardAction[] } {
  const { circle } = summary;
  const signUp = () =>
    circle.status === 'scheduled'
      ? [
          summary.seatsLeft > 0
            ? listButton('Sign up', CIRCLE_VERBS.signUp, circle.id, shown, `Sign up for ${circle.title}`)
            : listButton(
                'Join the waitlist',
                CIRCLE_VERBS.signUp,
                circle.id,
                shown,
                `Join the waitlist for ${circle.title}`,
              ),
        ]
      : [];
  const cancel = (tooltip: string) => listButton('Cancel', CIRCLE_VERBS.cancel, circle.id, shown, tooltip);
  switch (state?.kind) {
    case 'booked': {
      const where = state.joinUrl
        ? undefined
        : state.sentPrivately
          ? "I've sent your join link and calendar file to you in a 1:1 chat."
          : 'Your join link and calendar file are in **my circles** in a 1:1 chat with me.';
      const actions: CardAction[] = [];
      if (state.joinUrl) actions.push(openUrl('Join the meeting', state.joinUrl));
      if (state.calendarUrl) actions.push(openUrl('Add to calendar', state.calendarUrl));
      actions.push(cancel(`Cancel your place on ${circle.title}`));
      return {
        lines: [
          paragraph(state.promoted ? "**A place came up: you're booked.**" : "**You're booked.**", {
            color: 'Good',
            spacing: 'Small',
          }),
          ...(where ? [paragraph(where, { isSubtle: true, spacing: 'None' })] : []),
        ],
        actions,
      };
    }
    case 'waitlisted':
      return {
        lines: [
          paragraph(
            `**You're on the waitlist (position ${state.position}).** If a place frees up, it's yours and I'll tell you.`,
            { spacing: 'Small' },
          ),
        ],
        actions: [cancel(`Leave the waitlist for ${circle.title}`)],
      };
    case 'cancelled':
      return {
        lines: [paragraph('You have given up your place. Thank you for letting someone else have it.')],
        actions: signUp(),
      };
    case 'refused':
      return {
        lines: [paragraph(state.message, { color: 'Attention', spacing: 'Small' })],
        actions: signUp(),
      };
    case undefined:
      return { lines: [], actions: signUp() };
  }
}

/**
 * Upcoming circles, each named above its own short button ("Sign up", or "Join the waitlist" when full). With
 * `mine`, the viewer's own place in a circle shows inline, with Cancel (and, when given, the join link and
 * calendar file: only ever pass those for a 1:1 chat). Buttons say they came from this list, so a sign-up
 * or cancellation can answer with the list again.
 */
export function circleListCard(
  summaries: readonly CircleSummary[],
  tabUrl: string | undefined,
  mine: ReadonlyMap<string, PersonalState> = new Map(),
): AdaptiveCard {
  const listed = summaries.slice(0, MAX_LISTED_CIRCLES);
  const shown = listed.map((summary) => summary.circle.id).join(',');
  const body: CardElement[] = [
    heading('Upcoming Leadership Support Circles'),
    paragraph('About an hour on Teams with other managers and a trained facilitator. Pick one to sign up.'),
  ];
  if (listed.length === 0)
    body.push(paragraph('There are no upcoming circles right now. Please check back soon.'));
  for (const summary of listed) {
    const { circle } = summary;
    const place = placeOnList(summary, mine.get(circle.id), shown);
    const items: CardElement[] = [
      paragraph(`**${plainLine(circle.title)}** · ${plainLine(summary.topic)}`),
      paragraph(
        `${when(circle.startsAt)} · ${circle.durationMinutes} min · ${plainLine(summary.facilitatorName)} · ${placesLeft(summary.seatsLeft)}`,
        { isSubtle: true, spacing: 'None' },
      ),
      ...place.lines,
    ];
    if (circle.status === 'cancelled') {
      items.push(paragraph('This circle has been cancelled.', { color: 'Attention', spacing: 'Small' }));
    }
    if (place.actions.length > 0) items.push({ type: 'ActionSet', actions: place.actions });
    body.push({ type: 'Container', spacing: 'Medium', items });
  }
  const actions: CardAction[] = [sendCommand('My circles', 'my circles')];
  if (tabUrl) actions.push(openUrl('See all circles', tabUrl));
  return card(body, actions, `${listed.length} upcoming Leadership Support Circles.`);
}

/**
 * The person's own bookings, each named above its own Cancel button. Buttons say they came from this card, so
 * a cancellation answers with the card again, the circle given up shown in its place.
 */
export function myCirclesCard(
  items: readonly { summary: CircleSummary; state: PersonalState }[],
): AdaptiveCard {
  const body: CardElement[] = [heading('My circles')];
  if (items.length === 0)
    body.push(paragraph('You have no circle bookings yet. Type **circles** to see what is coming up.'));
  for (const { summary, state } of items) {
    const { circle } = summary;
    const lines: CardElement[] = [];
    const actions: CardAction[] = [];
    const cancel = (tooltip: string): ExecuteAction => ({
      type: 'Action.Execute',
      title: 'Cancel',
      verb: CIRCLE_VERBS.cancel,
      data: { circleId: circle.id, from: 'mine' },
      tooltip,
    });
    switch (state.kind) {
      case 'booked':
        lines.push(paragraph(`**${plainLine(circle.title)}** · booked`));
        actions.push(cancel(`Cancel your place on ${circle.title}`));
        break;
      case 'waitlisted':
        lines.push(paragraph(`**${plainLine(circle.title)}** · waitlist position ${state.position}`));
        actions.push(cancel(`Leave the waitlist for ${circle.title}`));
        break;
      case 'cancelled':
        lines.push(paragraph(`**${plainLine(circle.title)}** · place given up`));
        break;
      case 'refused':
        lines.push(
          paragraph(`**${plainLine(circle.title)}**`),
          paragraph(state.message, { color: 'Attention', spacing: 'None' }),
        );
        break;
    }
    lines.push(paragraph(when(circle.startsAt), { isSubtle: true, spacing: 'None' }));
    if (actions.length > 0) lines.push({ type: 'ActionSet', actions });
    body.push({ type: 'Container', spacing: 'Medium', items: lines });
  }
  return card(body, [sendCommand('Upcoming circles', 'circles')], 'My circle bookings.');
}

/** A short circle message that needs no particular circle (a refusal or an explanation). */
export function circleNoticeCard(title: string, message: string): AdaptiveCard {
  return card(
    [heading(title), paragraph(message)],
    [sendCommand('Upcoming circles', 'circles')],
    `${title}: ${message}`,
  );
}
