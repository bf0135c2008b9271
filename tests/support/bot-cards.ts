import {
  guideCard,
  helpCard,
  offTopicCard,
  noMatchCard,
  planCard,
  welcomeCard,
  type CardLinks,
  type FeedbackState,
} from '../../bot/cards/cards';
import type { AdaptiveCard } from '../../bot/cards/types';
import { nudgeSettingsCard } from '../../bot/cards/nudge-cards';
import { circleFeedbackCard, circleReminderCard } from '../../bot/cards/reminder-cards';
import { DEFAULT_NUDGE_SETTINGS } from '../../core/nudges/ports';
import { checkInCard, urgentSupportCard } from '../../bot/cards/urgent-card';
import {
  circleInviteCard,
  circleListCard,
  circleNoticeCard,
  circlePersonalCard,
  myCirclesCard,
  type CircleSummary,
} from '../../bot/cards/circle-cards';
import { sampleCircle } from './sample-circle';
import type { ContentLibrary, Guide } from '../../core/content/model';

/** Every card the bot can send, for every guide and feedback state, by name. */
export function everyBotCard(library: ContentLibrary, links: CardLinks): Record<string, AdaptiveCard> {
  const cards: Record<string, AdaptiveCard> = {
    welcome: welcomeCard(links),
    help: helpCard(links),
    plan: planCard(library.themes, links),
    noMatch: noMatchCard(links),
    offTopic: offTopicCard(links),
    nudgesOn: nudgeSettingsCard({ ...DEFAULT_NUDGE_SETTINGS, enabled: true }, 'on', links),
    nudgesOnAlready: nudgeSettingsCard({ ...DEFAULT_NUDGE_SETTINGS, enabled: true }, undefined, links),
    nudgesOff: nudgeSettingsCard(DEFAULT_NUDGE_SETTINGS, 'off', links),
    nudges: nudgeSettingsCard(DEFAULT_NUDGE_SETTINGS, undefined, links),
    nudgesShared: nudgeSettingsCard(DEFAULT_NUDGE_SETTINGS, undefined, links, true),
    urgentSupport: urgentSupportCard(library.urgentSupport),
    checkInSelf: checkInCard(library.urgentSupport, 'self', ['who-looks-after-the-manager']),
    checkInColleague: checkInCard(library.urgentSupport, 'colleague', [
      'react-conversation',
      'huddles-that-help',
    ]),
    checkInNoGuides: checkInCard(library.urgentSupport, 'self', []),
  };
  const circle = sampleCircle({
    id: '3f2a1b4c-0000-4000-8000-000000000001',
    capacity: 10,
    organisationId: 'RXP',
  });
  const summary: CircleSummary = {
    circle,
    topic: 'Maintain routines',
    facilitatorName: 'Asha Patel',
    seatsLeft: 3,
  };
  const full: CircleSummary = {
    ...summary,
    circle: { ...circle, id: '3f2a1b4c-0000-4000-8000-000000000002', title: 'A circle with no places left' },
    seatsLeft: 0,
  };
  const cancelled: CircleSummary = {
    ...summary,
    circle: { ...circle, id: '3f2a1b4c-0000-4000-8000-000000000003', status: 'cancelled' },
  };
  Object.assign(cards, {
    circleInvite: circleInviteCard(summary),
    circleInviteFull: circleInviteCard(full),
    circleInviteCancelled: circleInviteCard(cancelled),
    circleBooked: circlePersonalCard(summary, {
      kind: 'booked',
      joinUrl: circle.meetingUrl,
      calendarUrl: 'https://example.org/c.ics',
    }),
    circleBookedShared: circlePersonalCard(summary, {
      kind: 'booked',
      joinUrl: undefined,
      calendarUrl: undefined,
    }),
    circleWaitlisted: circlePersonalCard(full, { kind: 'waitlisted', position: 2 }),
    circleCancelled: circlePersonalCard(summary, { kind: 'cancelled' }),
    circleRefused: circlePersonalCard(summary, {
      kind: 'refused',
      message: 'This circle has already started.',
    }),
    circleList: circleListCard([summary, full], links.tab('circles')),
    circleListBooked: circleListCard(
      [summary, full, cancelled],
      links.tab('circles'),
      new Map([
        [
          summary.circle.id,
          { kind: 'booked', joinUrl: circle.meetingUrl, calendarUrl: 'https://example.org/c.ics' },
        ],
      ]),
    ),
    circleListBookedShared: circleListCard(
      [summary],
      undefined,
      new Map([
        [
          summary.circle.id,
          { kind: 'booked', joinUrl: undefined, calendarUrl: undefined, sentPrivately: true },
        ],
      ]),
    ),
    circleListWaitlisted: circleListCard(
      [full],
      undefined,
      new Map([[full.circle.id, { kind: 'waitlisted', position: 3 }]]),
    ),
    circleListCancelled: circleListCard(
      [summary],
      undefined,
      new Map([[summary.circle.id, { kind: 'cancelled' }]]),
    ),
    circleListRefused: circleListCard(
      [summary],
      undefined,
      new Map([[summary.circle.id, { kind: 'refused', message: 'This circle has already started.' }]]),
    ),
    circleListEmpty: circleListCard([], undefined),
    myCircles: myCirclesCard([
      { summary, state: { kind: 'booked', joinUrl: circle.meetingUrl, calendarUrl: undefined } },
    ]),
    myCirclesEmpty: myCirclesCard([]),
    circleNotice: circleNoticeCard('Posting circle invites', 'Only facilitators can post circle invites.'),
    reminderDay: circleReminderCard(
      summary,
      '24h',
      { joinUrl: circle.meetingUrl, calendarUrl: 'https://example.org/c.ics' },
      'participant',
    ),
    reminderHourFacilitator: circleReminderCard(
      summary,
      '1h',
      { joinUrl: circle.meetingUrl, calendarUrl: undefined },
      'facilitator',
    ),
    circleFeedback: circleFeedbackCard(summary),
    circleFeedbackThanks: circleFeedbackCard(summary, 'thanks'),
  });
  const states: FeedbackState[] = ['ask', 'helpful', 'notHelpful'];
  for (const guide of library.guides) {
    const theme = library.themes.find((candidate) => candidate.id === guide.themeId);
    if (!theme) throw new Error(`no theme for ${guide.id}`);
    const alternatives = library.guides.filter(
      (other: Guide) => other.themeId === guide.themeId && other.id !== guide.id,
    );
    for (const feedback of states) {
      cards[`guide ${guide.id} (${feedback})`] = guideCard({ guide, theme, alternatives, feedback }, links);
      cards[`nudge ${guide.id} (${feedback})`] = guideCard(
        { guide, theme, alternatives: [], feedback, nudge: true },
        links,
      );
    }
  }
  return cards;
}
