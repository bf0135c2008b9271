import path from 'node:path';
import {
  CIRCLE_VERBS,
  circleListCard,
  myCirclesCard,
  type CircleSummary,
  type PersonalState,
} from '../../bot/cards/circle-cards';
import type { AdaptiveCard, CardAction, CardElement, Container } from '../../bot/cards/types';
import { ContentRegistry } from '../../core/content/registry';
import { everyBotCard } from '../support/bot-cards';
import { sampleCircle } from '../support/sample-circle';

const summaryOf = (id: string, title: string, seatsLeft: number): CircleSummary => ({
  circle: sampleCircle({ id, title, capacity: 8 }),
  topic: 'Maintain routines',
  facilitatorName: 'Asha Patel',
  seatsLeft,
});
const first = summaryOf(
  '11111111-1111-4111-8111-111111111111',
  'Keeping a scattered team together after a hard winter',
  3,
);
const second = summaryOf('22222222-2222-4222-8222-222222222222', 'Making it safe to speak up', 0);
const third = summaryOf('33333333-3333-4333-8333-333333333333', 'Routines that hold a team together', 5);
const listed = [first, second, third];
const shownIds = listed.map((summary) => summary.circle.id).join(',');

/** The container a list card draws for one circle. */
function containerFor(card: AdaptiveCard, title: string): Container {
  const found = card.body.find(
    (element): element is Container =>
      element.type === 'Container' &&
      element.items.some((item) => item.type === 'TextBlock' && item.text.includes(`**${title}**`)),
  );
  if (!found) throw new Error(`no container for ${title}`);
  return found;
}

/** The buttons inside one circle's container. */
function buttonsIn(container: Container): CardAction[] {
  return container.items.flatMap((item: CardElement) => (item.type === 'ActionSet' ? item.actions : []));
}

/** Every action anywhere on a card. */
function allActions(card: AdaptiveCard): CardAction[] {
  const inElements = (elements: readonly CardElement[]): CardAction[] =>
    elements.flatMap((element) =>
      element.type === 'ActionSet'
        ? element.actions
        : element.type === 'Container'
          ? inElements(element.items)
          : [],
    );
  return [...inElements(card.body), ...(card.actions ?? [])];
}

describe('the circle list card', () => {
  const plain = circleListCard(listed, 'https://example.org/tab/#/circles');

  it('names each circle above a short button: "Sign up", or "Join the waitlist" when full', () => {
    expect(buttonsIn(containerFor(plain, first.circle.title)).map((action) => action.title)).toEqual([
      'Sign up',
    ]);
    expect(buttonsIn(containerFor(plain, second.circle.title)).map((action) => action.title)).toEqual([
      'Join the waitlist',
    ]);
    for (const summary of listed) {
      const [button] = buttonsIn(containerFor(plain, summary.circle.title));
      expect(button?.type === 'Action.Execute' && button.tooltip).toContain(summary.circle.title);
    }
  });

  it('marks every button as coming from this list, with the circles it shows and nothing about the person', () => {
    for (const summary of listed) {
      const [button] = buttonsIn(containerFor(plain, summary.circle.title));
      expect(button).toMatchObject({ type: 'Action.Execute', verb: CIRCLE_VERBS.signUp });
      expect(button?.type === 'Action.Execute' ? button.data : undefined).toEqual({
        circleId: summary.circle.id,
        from: 'list',
        circles: shownIds,
      });
    }
  });

  it("shows a person's place inline for that circle, with Cancel, and leaves the others as they were", () => {
    const booked: PersonalState = {
      kind: 'booked',
      joinUrl: 'https://teams.microsoft.com/meet/123?p=abc',
      calendarUrl: 'https://example.org/c.ics',
    };
    const mine = circleListCard(
      listed,
      'https://example.org/tab/#/circles',
      new Map([[first.circle.id, booked]]),
    );
    const mineFirst = containerFor(mine, first.circle.title);
    expect(JSON.stringify(mineFirst)).toContain("You're booked");
    expect(buttonsIn(mineFirst).map((action) => action.title)).toEqual([
      'Join the meeting',
      'Add to calendar',
      'Cancel',
    ]);
    expect(buttonsIn(mineFirst)[2]).toMatchObject({
      verb: CIRCLE_VERBS.cancel,
      data: { circleId: first.circle.id, from: 'list', circles: shownIds },
    });
    for (const other of [second, third]) {
      expect(containerFor(mine, other.circle.title)).toEqual(containerFor(plain, other.circle.title));
    }
  });

  it('keeps the join link and calendar file off the card when they are not given (a shared chat)', () => {
    const shared = circleListCard(
      listed,
      undefined,
      new Map([
        [
          first.circle.id,
          { kind: 'booked', joinUrl: undefined, calendarUrl: undefined, sentPrivately: true },
        ],
      ]),
    );
    const container = containerFor(shared, first.circle.title);
    expect(buttonsIn(container).map((action) => action.title)).toEqual(['Cancel']);
    expect(JSON.stringify(container)).toContain(
      "I've sent your join link and calendar file to you in a 1:1 chat",
    );
    expect(allActions(shared).some((action) => action.type === 'Action.OpenUrl')).toBe(false);
  });

  it('shows a waitlist position with Cancel, and after cancelling offers Sign up again', () => {
    const waiting = circleListCard(
      listed,
      undefined,
      new Map([[second.circle.id, { kind: 'waitlisted', position: 2 }]]),
    );
    const waitingSecond = containerFor(waiting, second.circle.title);
    expect(JSON.stringify(waitingSecond)).toContain("You're on the waitlist (position 2)");
    expect(buttonsIn(waitingSecond).map((action) => action.title)).toEqual(['Cancel']);

    const gaveUp = circleListCard(listed, undefined, new Map([[first.circle.id, { kind: 'cancelled' }]]));
    const gaveUpFirst = containerFor(gaveUp, first.circle.title);
    expect(JSON.stringify(gaveUpFirst)).toContain('You have given up your place');
    expect(buttonsIn(gaveUpFirst).map((action) => action.title)).toEqual(['Sign up']);
  });

  it('shows at most six circles, and its buttons name only those', () => {
    const many = Array.from({ length: 8 }, (_, index) =>
      summaryOf(`44444444-4444-4444-8444-44444444444${index}`, `Circle ${index}`, 2),
    );
    const card = circleListCard(many, undefined);
    const ids = many
      .slice(0, 6)
      .map((summary) => summary.circle.id)
      .join(',');
    const executes = allActions(card).filter((action) => action.type === 'Action.Execute');
    expect(executes).toHaveLength(6);
    for (const action of executes) expect(action.data?.circles).toBe(ids);
  });
});

describe('my circles card', () => {
  const card = myCirclesCard([
    { summary: first, state: { kind: 'booked', joinUrl: undefined, calendarUrl: undefined } },
    { summary: second, state: { kind: 'waitlisted', position: 1 } },
    { summary: third, state: { kind: 'cancelled' } },
  ]);

  it('names each booking above its own "Cancel" button, marked as coming from My circles', () => {
    for (const summary of [first, second]) {
      expect(buttonsIn(containerFor(card, summary.circle.title))).toEqual([
        expect.objectContaining({
          title: 'Cancel',
          verb: CIRCLE_VERBS.cancel,
          data: { circleId: summary.circle.id, from: 'mine' },
          tooltip: expect.stringContaining(summary.circle.title),
        }),
      ]);
    }
  });

  it('shows a circle just given up in its place, with nothing left to cancel', () => {
    const container = containerFor(card, third.circle.title);
    expect(JSON.stringify(container)).toContain('place given up');
    expect(buttonsIn(container)).toEqual([]);
  });
});

describe('actions on every card the bot can send', () => {
  const library = ContentRegistry.open(path.join(__dirname, '../../content'), () => new Date()).current();
  const cards = Object.entries(everyBotCard(library, { tab: (page) => `https://example.org/tab/#/${page}` }));

  it.each(cards)('%s: every action has a title, and no two share an id', (_name, card) => {
    const actions = allActions(card);
    expect(actions.every((action) => action.title.trim().length > 0)).toBe(true);
    const ids = actions.flatMap((action) =>
      'id' in action && typeof action.id === 'string' ? [action.id] : [],
    );
    expect(new Set(ids).size).toBe(ids.length);
  });
});
