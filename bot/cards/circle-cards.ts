import type { Circle } from '../../core/circles/circle';
import { card, heading, openUrl, paragraph, sendCommand } from './building-blocks';
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
    paragraph(`Leadership Support Circle · ${summary.topic}`, { isSubtle: true, size: 'Small' }),
    heading(circle.title),
    {
      type: 'FactSet',
      facts: [
        { title: 'When', value: when(circle.startsAt) },
        { title: 'Length', value: `${circle.durationMinutes} minutes, on Teams` },
        { title: 'Facilitator', value: summary.facilitatorName },
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
  if (circle.description) body.push(paragraph(circle.description));
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

/** Upcoming circles, each with its own Sign up button. */
export function circleListCard(
  summaries: readonly CircleSummary[],
  tabUrl: string | undefined,
): AdaptiveCard {
  const body: CardElement[] = [
    heading('Upcoming Leadership Support Circles'),
    paragraph('About an hour on Teams with other managers and a trained facilitator. Pick one to sign up.'),
  ];
  if (summaries.length === 0)
    body.push(paragraph('There are no upcoming circles right now. Please check back soon.'));
  for (const summary of summaries.slice(0, 6)) {
    body.push({
      type: 'Container',
      spacing: 'Medium',
      items: [
        paragraph(`**${summary.circle.title}** · ${summary.topic}`),
        paragraph(
          `${when(summary.circle.startsAt)} · ${summary.circle.durationMinutes} min · ${summary.facilitatorName} · ${summary.seatsLeft > 0 ? `${summary.seatsLeft} places left` : 'waitlist only'}`,
          { isSubtle: true, spacing: 'None' },
        ),
        {
          type: 'ActionSet',
          actions: [execute(`Sign up: ${summary.circle.title}`, CIRCLE_VERBS.signUp, summary.circle.id)],
        },
      ],
    });
  }
  const actions: CardAction[] = [sendCommand('My circles', 'my circles')];
  if (tabUrl) actions.push(openUrl('See all circles', tabUrl));
  return card(body, actions, `${summaries.length} upcoming Leadership Support Circles.`);
}

/** The person's own bookings, each with a Cancel button. */
export function myCirclesCard(
  items: readonly { summary: CircleSummary; state: PersonalState }[],
): AdaptiveCard {
  const body: CardElement[] = [heading('My circles')];
  if (items.length === 0)
    body.push(paragraph('You have no circle bookings yet. Type **circles** to see what is coming up.'));
  for (const { summary, state } of items) {
    const status = state.kind === 'waitlisted' ? `waitlist position ${state.position}` : 'booked';
    body.push({
      type: 'Container',
      spacing: 'Medium',
      items: [
        paragraph(`**${summary.circle.title}** · ${status}`),
        paragraph(when(summary.circle.startsAt), { isSubtle: true, spacing: 'None' }),
        {
          type: 'ActionSet',
          actions: [execute(`Cancel: ${summary.circle.title}`, CIRCLE_VERBS.cancel, summary.circle.id)],
        },
      ],
    });
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
