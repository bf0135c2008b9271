import { hash } from 'node:crypto';
import { LruCache } from '../../core/lru';
import type { Guide, Theme } from '../../core/content/model';
import { bullets, card, heading, openUrl, paragraph, sendCommand } from './building-blocks';
import { cardSize, elementsSize, fitsInChat, withinChatBudget, type CardSize } from './measure';
import { actionInBrief, shortLine } from './short-text';
import type { AdaptiveCard, CardAction, CardElement, ExecuteAction } from './types';

/** Where cards can send people: a page of the tab (Teams deep link in Teams, a URL locally). */
export interface CardLinks {
  /** Link to a tab page ('' is the plan; 'guides/<id>', 'themes/<id>'), or undefined with no address yet. */
  tab(page: string): string | undefined;
}

/** The verb of the "Was this helpful?" buttons on guide cards. */
export const GUIDE_FEEDBACK_VERB = 'guideFeedback';

/** The verb of the "Stop nudges" button on nudge cards. */
export const STOP_NUDGES_VERB = 'stopNudges';

const CRISIS_LINE =
  'If you or a colleague are in crisis, call 999 or go to A&E. For urgent mental health help call NHS 111. ' +
  'Samaritans are free on 116 123, any time.';

function tabAction(links: CardLinks, title: string, page = ''): CardAction[] {
  const url = links.tab(page);
  return url ? [openUrl(title, url)] : [];
}

/** Sent when the app is installed: what it does and how to start. */
export function welcomeCard(links: CardLinks): AdaptiveCard {
  return card(
    [
      heading('Welcome to Leading Compassionately'),
      paragraph(
        "Support for line managers in health and care, from NHS England's Managing in a Crisis offer, " +
          'right here in Teams.',
      ),
      bullets([
        'A ten-point plan for leading compassionately under pressure',
        'Three-minute guides you can read between tasks',
        'Videos, podcasts and tools from trusted NHS sources',
        'Leadership Support Circles: small, confidential peer groups with a trained facilitator',
      ]),
      paragraph(
        "Ask me anything in your own words, such as 'half my team is shielding, how do I keep us together?', " +
          'or type **help**.',
        { isSubtle: true },
      ),
    ],
    [
      sendCommand('Show help', 'help'),
      sendCommand('Show the plan', 'plan'),
      ...tabAction(links, 'Open the app'),
    ],
    'Welcome to Leading Compassionately: a ten-point plan, three-minute guides, resources and Leadership Support Circles for line managers.',
  );
}

/** Answers "help": what the bot understands, honestly marking what is still to come. */
export function helpCard(links: CardLinks): AdaptiveCard {
  return card(
    [
      heading('What I can help with'),
      paragraph(
        "Ask a question in your own words, for example 'how do I tell the team leave is cancelled?' or " +
          "'one of my nurses is bereaved'. I'll find the right three-minute guide.",
      ),
      paragraph('Or type one of these:'),
      bullets([
        '**plan**: the ten-point plan for leading compassionately',
        '**guide 3** or **guide routines**: the guides for one point of the plan',
        '**circles**: upcoming Leadership Support Circles to sign up for; **my circles**: your bookings',
        '**nudges on** or **nudges off**: a weekly three-minute guide (type **stop** at any time)',
        '**help**: this list',
      ]),
      paragraph(CRISIS_LINE, { isSubtle: true, spacing: 'Medium' }),
    ],
    [sendCommand('Show the plan', 'plan'), ...tabAction(links, 'Open Leading Compassionately')],
    'Help: ask a question in your own words, or type plan, guide and a number, circles, nudges or help. In a crisis call 999, NHS 111 or Samaritans on 116 123.',
  );
}

/** The ten-point plan; each point opens its guides. */
export function planCard(themes: readonly Theme[], links: CardLinks): AdaptiveCard {
  const points: CardElement[] = themes.map((theme) => ({
    type: 'Container',
    spacing: 'Small',
    items: [
      paragraph(
        `**${theme.number}. ${theme.title}**${theme.addedByProgrammeTeam ? ' (added by the programme team)' : ''}`,
      ),
      paragraph(theme.promise, { isSubtle: true, spacing: 'None' }),
    ],
  }));
  const openers: CardElement[] = [];
  for (let start = 0; start < themes.length; start += 5) {
    openers.push({
      type: 'ActionSet',
      actions: themes
        .slice(start, start + 5)
        .map((theme) => sendCommand(`${theme.number}. ${theme.title}`, `guide ${theme.number}`)),
    });
  }
  return card(
    [
      heading('The ten-point plan for leading compassionately'),
      paragraph(
        'Ten things that help when you lead a team under pressure. Pick one to see its three-minute guides.',
      ),
      ...points,
      paragraph('Open a point:', { weight: 'Bolder', spacing: 'Medium' }),
      ...openers,
    ],
    tabAction(links, 'Open the plan in the app'),
    `The ten-point plan: ${themes.map((theme) => `${theme.number}. ${theme.title}`).join('; ')}.`,
  );
}

/** How a guide card's feedback section looks. */
export type FeedbackState = 'ask' | 'helpful' | 'notHelpful';

const FEEDBACK_STATES: readonly FeedbackState[] = ['ask', 'helpful', 'notHelpful'];

function feedbackButton(title: string, guideId: string, helpful: boolean, nudge: boolean): ExecuteAction {
  return {
    type: 'Action.Execute',
    title,
    verb: GUIDE_FEEDBACK_VERB,
    data: nudge ? { guideId, helpful, nudge } : { guideId, helpful },
  };
}

/** The "Stop nudges" button: turns the person's weekly nudges off (identity from the invoke, never the card). */
export function stopNudgesButton(): ExecuteAction {
  return {
    type: 'Action.Execute',
    title: 'Stop nudges',
    verb: STOP_NUDGES_VERB,
    tooltip: 'Stop the weekly guide; you can turn it on again with nudges on',
  };
}

/** What a guide card needs to show. */
export interface GuideCardInput {
  guide: Guide;
  theme: Theme;
  /** Other good answers, linked by title when the card has room. */
  alternatives: readonly Pick<Guide, 'id' | 'title'>[];
  feedback: FeedbackState;
  /** A weekly nudge or broadcast: says so, and offers "Stop nudges". */
  nudge?: boolean;
}

/** The longest inclusive-lens line a guide card shows. */
export const LENS_LINE_MAX = 130;

/** The longest "try this today" action a guide card shows (the tab has each in full). */
export const ACTION_MAX = 110;

/** The crisis line on a guide card: one short line, on every guide, whatever was asked. */
const GUIDE_CRISIS_LINE = 'In a crisis: 999 or A&E · NHS 111 · Samaritans 116 123 (free, any time)';

/** How much of the guide a card shows: how many "try this today" actions, and whether to link alternatives. */
interface GuideCardShape {
  actions: number;
  alternatives: readonly Pick<Guide, 'id' | 'title'>[];
}

function feedbackSection(guideId: string, feedback: FeedbackState, nudge: boolean): CardElement[] {
  if (feedback === 'ask') {
    return [
      paragraph('Was this helpful?', { weight: 'Bolder', spacing: 'Medium' }),
      {
        type: 'ActionSet',
        actions: [feedbackButton('Yes', guideId, true, nudge), feedbackButton('No', guideId, false, nudge)],
      },
    ];
  }
  const thanks =
    feedback === 'helpful'
      ? 'Thank you. You told us this guide was helpful.'
      : "Thank you. You told us this guide didn't help; we'll use that to improve it.";
  return [paragraph(thanks, { isSubtle: true, spacing: 'Medium' })];
}

function alternativesLine(
  alternatives: readonly Pick<Guide, 'id' | 'title'>[],
  links: CardLinks,
): CardElement[] {
  const linked = alternatives.flatMap((alternative) => {
    const url = links.tab(`guides/${alternative.id}`);
    return url ? [`[${alternative.title}](${url})`] : [];
  });
  if (linked.length === 0) return [];
  return [
    paragraph(`Other guides that may help: ${linked.join(' · ')}`, { isSubtle: true, spacing: 'Medium' }),
  ];
}

/** A guide's actions in brief and its one-line inclusive lens, as its cards show them. */
interface GuideBrief {
  actions: string[];
  lens: string;
}

/**
 * Briefs worked out once per loaded guide (content is never changed in place): a card is built several times
 * over while its shape is found, and every answer with other alternatives is a new card.
 */
const GUIDE_BRIEFS = new WeakMap<Guide, GuideBrief>();

function briefOf(guide: Guide): GuideBrief {
  let brief = GUIDE_BRIEFS.get(guide);
  if (brief === undefined) {
    brief = {
      actions: guide.tryThisToday.map((action) => actionInBrief(action, ACTION_MAX)),
      lens: shortLine(guide.inclusiveLens, LENS_LINE_MAX),
    };
    GUIDE_BRIEFS.set(guide, brief);
  }
  return brief;
}

function guideCardOfShape(
  input: GuideCardInput,
  links: CardLinks,
  shape: GuideCardShape,
  feedback: FeedbackState,
): AdaptiveCard {
  const { guide, theme } = input;
  const total = guide.tryThisToday.length;
  const partly =
    shape.actions < total ? ` (${shape.actions} of ${total}; all ${total} in the full guide)` : '';
  const nudge = input.nudge === true;
  const body: CardElement[] = [
    paragraph(
      `${nudge ? 'Your three-minute guide this week · ' : ''}Point ${theme.number} of 10 · ${theme.title}`,
      { isSubtle: true, size: 'Small' },
    ),
    heading(guide.title),
    paragraph(guide.summary),
    paragraph(`**Try this today**${partly}`, { spacing: 'Medium' }),
    bullets(briefOf(guide).actions.slice(0, shape.actions)),
  ];
  body.push(
    paragraph(`**Inclusive lens:** ${briefOf(guide).lens}`, { spacing: 'Medium' }),
    ...alternativesLine(shape.alternatives, links),
    ...feedbackSection(guide.id, feedback, nudge),
    // A safety net on every guide: signposting is here even when no crisis words were recognised.
    paragraph(GUIDE_CRISIS_LINE, { isSubtle: true, size: 'Small', spacing: 'Medium' }),
  );
  return card(
    body,
    [
      ...tabAction(links, 'Read in full', `guides/${guide.id}`),
      sendCommand('Find a support circle', 'circles'),
      ...(nudge ? [stopNudgesButton()] : []),
    ],
    `${guide.title}. ${guide.summary}`,
  );
}

/**
 * A guide in chat, the short version: summary, the "try this today" actions, one line of the inclusive
 * lens, "Read in full" (the tab has the whole guide), "Was this helpful?" and a short crisis line. It shows
 * every action and up to two linked alternatives when they fit the chat budget (CHAT_CARD_BUDGET), so Teams
 * never folds it behind "See more"; otherwise the alternatives go first, then actions from the end, and the
 * card says how many more the full guide has. The actions shown never change when the feedback is given.
 */
export function guideCard(input: GuideCardInput, links: CardLinks): AdaptiveCard {
  const alternatives = input.alternatives.slice(0, 2);
  const key = shapeKey(input, alternatives, links);
  const cardKey = `${input.feedback}:${key}`;
  const built = CARDS_BUILT.get(cardKey);
  if (built) return built;
  const card = deepFreeze(guideCardFor(input, links, alternatives, key));
  CARDS_BUILT.set(cardKey, card);
  return card;
}

/**
 * Guide cards already built, by feedback state and everything their text is made of: a guide answered again is
 * the same card, so it is built once. Cards are frozen, since every caller shares them.
 */
const CARDS_BUILT = new LruCache<string, AdaptiveCard>(500);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function guideCardFor(
  input: GuideCardInput,
  links: CardLinks,
  alternatives: readonly Pick<Guide, 'id' | 'title'>[],
  key: string,
): AdaptiveCard {
  const total = input.guide.tryThisToday.length;
  const known = SHAPES_FOUND.get(key);
  if (known) {
    const shape = { actions: known.actions, alternatives: known.withAlternatives ? alternatives : [] };
    return guideCardOfShape(input, links, shape, input.feedback);
  }
  const fits = (shape: GuideCardShape) =>
    FEEDBACK_STATES.every((state) => fitsInChat(guideCardOfShape(input, links, shape, state)));
  // The most actions that fit without alternatives does not depend on which alternatives were found, so it is
  // worked out once per guide (and remembered under the key of the card without alternatives). Alternatives only
  // add a line, so they fit only when every action fits without them.
  const plainKey = alternatives.length === 0 ? key : shapeKey(input, [], links);
  const most = SHAPES_FOUND.get(plainKey)?.actions ?? mostActionsThatFit(total, fits);
  if (plainKey !== key) rememberShape(plainKey, { actions: most, withAlternatives: false });
  const shape: GuideCardShape =
    alternatives.length > 0 && most === total && alternativesFit(input, links, plainKey, alternatives)
      ? { actions: total, alternatives }
      : { actions: most, alternatives: [] };
  rememberShape(key, { actions: shape.actions, withAlternatives: shape.alternatives.length > 0 });
  return guideCardOfShape(input, links, shape, input.feedback);
}

/**
 * Whether a card with every action fits with these alternatives too, in every feedback state: the alternatives
 * add one line to the card, and sizes add up, so it is the size of the card without them (measured once per
 * guide) plus the size of that line.
 */
function alternativesFit(
  input: GuideCardInput,
  links: CardLinks,
  plainKey: string,
  alternatives: readonly Pick<Guide, 'id' | 'title'>[],
): boolean {
  let sizes = PLAIN_SIZES.get(plainKey);
  if (sizes === undefined) {
    const shape = { actions: input.guide.tryThisToday.length, alternatives: [] };
    sizes = FEEDBACK_STATES.map((state) => cardSize(guideCardOfShape(input, links, shape, state)));
    if (PLAIN_SIZES.size >= MAX_SHAPES_FOUND) PLAIN_SIZES.clear();
    PLAIN_SIZES.set(plainKey, sizes);
  }
  const line = elementsSize(alternativesLine(alternatives, links));
  return sizes.every((size) =>
    withinChatBudget({ characters: size.characters + line.characters, lines: size.lines + line.lines }),
  );
}

/** The sizes of a guide's card with every action and no alternatives, in each feedback state, by its shape key. */
const PLAIN_SIZES = new Map<string, CardSize[]>();

/** The most "try this today" actions a card without alternatives can show; one when not even one fits. */
function mostActionsThatFit(total: number, fits: (shape: GuideCardShape) => boolean): number {
  for (let actions = total; actions > 1; actions--) if (fits({ actions, alternatives: [] })) return actions;
  return 1;
}

function rememberShape(key: string, shape: { actions: number; withAlternatives: boolean }): void {
  if (SHAPES_FOUND.size >= MAX_SHAPES_FOUND) SHAPES_FOUND.clear();
  SHAPES_FOUND.set(key, shape);
}

/**
 * The shape found for a guide card, by everything the card's text is made of, so answering the same guide again
 * does not rebuild and measure every shape in every feedback state. Keyed by content, not by object, so edited
 * content or another address for the tab is measured afresh.
 */
const SHAPES_FOUND = new Map<string, { actions: number; withAlternatives: boolean }>();
const MAX_SHAPES_FOUND = 1000;

/**
 * The key part for a guide's own text, worked out once per loaded guide (content is never changed in place): a
 * digest of the text, so each key stays short to build and to look up.
 */
const GUIDE_TEXT_KEYS = new WeakMap<Guide, string>();

function shapeKey(
  { guide, theme, nudge }: GuideCardInput,
  alternatives: readonly Pick<Guide, 'id' | 'title'>[],
  links: CardLinks,
): string {
  let text = GUIDE_TEXT_KEYS.get(guide);
  if (text === undefined) {
    text = hash(
      'sha256',
      JSON.stringify([guide.id, guide.title, guide.summary, guide.tryThisToday, guide.inclusiveLens]),
      'base64',
    );
    GUIDE_TEXT_KEYS.set(guide, text);
  }
  return JSON.stringify([
    nudge === true,
    text,
    theme.number,
    theme.title,
    links.tab(`guides/${guide.id}`),
    alternatives.map((alternative) => [
      alternative.id,
      alternative.title,
      links.tab(`guides/${alternative.id}`),
    ]),
  ]);
}

/** Said when the bot is not sure which guide fits: no guessing; offers the plan and a circle instead. */
export function noMatchCard(links: CardLinks): AdaptiveCard {
  return card(
    [
      heading("I'm not sure I have the right guide for that"),
      paragraph(
        "Rather than guess, here are two good places to start: the ten-point plan, or a Leadership Support Circle where you can talk it through with other managers. I've passed your question to the content team, without your name, so we can fill the gap.",
      ),
      paragraph('You could also try asking in other words.', { isSubtle: true }),
      paragraph(CRISIS_LINE, { isSubtle: true, spacing: 'Medium' }),
    ],
    [
      sendCommand('Show the plan', 'plan'),
      sendCommand('Find a support circle', 'circles'),
      ...tabAction(links, 'Browse the guides'),
    ],
    "I'm not sure I have the right guide for that. Try the ten-point plan or a Leadership Support Circle.",
  );
}

/**
 * Said when a question is something the bot cannot help with (pay, leave, log-ins, rotas, clinical doses): an
 * honest no, what the bot can do instead, and the crisis line. Nothing about the question is kept.
 */
export function offTopicCard(links: CardLinks): AdaptiveCard {
  return card(
    [
      heading("That's not something I can help with"),
      paragraph(
        'I help line managers lead their teams through pressure: three-minute guides on leading compassionately, ' +
          'the ten-point plan, and Leadership Support Circles with other managers. For pay, leave, rotas, IT ' +
          'log-ins or clinical questions, your HR, payroll, IT service desk or clinical guidance will know best.',
      ),
      paragraph(
        "If there's a people side to it (how the team is taking it, a hard conversation, looking after yourself), tell me about that and I'll find a guide.",
        { isSubtle: true },
      ),
      paragraph(CRISIS_LINE, { isSubtle: true, spacing: 'Medium' }),
    ],
    [
      sendCommand('What can you do?', 'help'),
      sendCommand('Show the plan', 'plan'),
      ...tabAction(links, 'Browse the guides'),
    ],
    "That's not something I can help with. I can help with leading your team: guides, the plan and support circles.",
  );
}
