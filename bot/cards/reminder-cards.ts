import { card, heading, openUrl, paragraph, sendCommand } from './building-blocks';
import type { CircleSummary } from './circle-cards';
import { plainLine } from './plain-text';
import type { AdaptiveCard, CardAction, CardElement, ExecuteAction } from './types';

/** How long before a circle each reminder comes. */
export type ReminderLead = '24h' | '1h';

/** The verb of the feedback card's "Send feedback" button. */
export const CIRCLE_FEEDBACK_VERB = 'circleFeedback';

/** The longest "what will you do differently" answer the card accepts (the service refuses longer). */
export const FEEDBACK_NOTE_MAX = 140;

/** Adaptive Card DATE/TIME functions, so each person sees the time in their own zone. */
function when(startsAt: string): string {
  const iso = startsAt.replace(/\.\d{3}Z$/, 'Z');
  return `{{DATE(${iso}, SHORT)}} at {{TIME(${iso})}}`;
}

/**
 * A reminder sent 1:1 a day and an hour before a circle: when, the join link and the calendar file. The
 * facilitator's says they are running it.
 */
export function circleReminderCard(
  summary: CircleSummary,
  lead: ReminderLead,
  links: { joinUrl: string; calendarUrl: string | undefined },
  role: 'participant' | 'facilitator',
): AdaptiveCard {
  const { circle } = summary;
  const soon = lead === '1h' ? 'in an hour' : 'tomorrow';
  const body: CardElement[] = [
    paragraph(`Leadership Support Circle · ${plainLine(summary.topic)}`, { isSubtle: true, size: 'Small' }),
    heading(
      role === 'facilitator'
        ? `You are facilitating a circle ${soon}`
        : `Your circle starts ${soon}: ${plainLine(circle.title)}`,
    ),
    {
      type: 'FactSet',
      facts: [
        { title: 'Circle', value: plainLine(circle.title) },
        { title: 'When', value: when(circle.startsAt) },
        { title: 'Length', value: `${circle.durationMinutes} minutes, on Teams` },
      ],
    },
    paragraph(
      role === 'facilitator'
        ? 'Your roster is on the Facilitate page of the app.'
        : "If you can't come after all, give up your place in the app or with **my circles**, so someone waiting can have it.",
      { isSubtle: true },
    ),
  ];
  const actions: CardAction[] = [openUrl('Join the meeting', links.joinUrl)];
  if (links.calendarUrl) actions.push(openUrl('Add to calendar', links.calendarUrl));
  if (role === 'participant') actions.push(sendCommand('My circles', 'my circles'));
  return card(
    body,
    actions,
    `Reminder: ${plainLine(circle.title)} starts ${soon}. Join the meeting from this card.`,
  );
}

/** What a feedback card shows: the form, or thanks once answered. */
export type FeedbackCardState = 'ask' | 'thanks';

/**
 * Sent after a circle: how helpful it was (1 to 5), whether they would recommend it, and an optional line on
 * what they will do differently. Answers are kept without the person's identity.
 */
export function circleFeedbackCard(summary: CircleSummary, state: FeedbackCardState = 'ask'): AdaptiveCard {
  const { circle } = summary;
  const intro = paragraph(`Leadership Support Circle · ${plainLine(summary.topic)}`, {
    isSubtle: true,
    size: 'Small',
  });
  if (state === 'thanks') {
    return card(
      [
        intro,
        heading('Thank you for your feedback'),
        paragraph(
          'Your answers are kept without your name and help the programme improve circles for other managers.',
        ),
      ],
      [sendCommand('Find another circle', 'circles')],
      'Thank you for your feedback.',
    );
  }
  const submit: ExecuteAction = {
    type: 'Action.Execute',
    title: 'Send feedback',
    verb: CIRCLE_FEEDBACK_VERB,
    data: { circleId: circle.id },
  };
  return card(
    [
      intro,
      heading(`How was ${plainLine(circle.title)}?`),
      paragraph('Three quick questions. Your answers are kept without your name.', { isSubtle: true }),
      {
        type: 'Input.ChoiceSet',
        id: 'helpful',
        label: 'How helpful was the circle?',
        isRequired: true,
        errorMessage: 'Choose how helpful it was, from 1 to 5.',
        style: 'expanded',
        choices: [
          { title: '1 · Not helpful', value: '1' },
          { title: '2', value: '2' },
          { title: '3', value: '3' },
          { title: '4', value: '4' },
          { title: '5 · Very helpful', value: '5' },
        ],
      },
      {
        type: 'Input.ChoiceSet',
        id: 'recommend',
        label: 'Would you recommend a circle to another manager?',
        isRequired: true,
        errorMessage: 'Choose yes or no.',
        style: 'expanded',
        choices: [
          { title: 'Yes', value: 'yes' },
          { title: 'No', value: 'no' },
        ],
      },
      {
        type: 'Input.Text',
        id: 'differently',
        label: 'One thing you will do differently (optional)',
        maxLength: FEEDBACK_NOTE_MAX,
        placeholder: 'For example: start team huddles with a check-in',
      },
    ],
    [submit],
    `How was ${plainLine(circle.title)}? Tell us how helpful it was.`,
  );
}
