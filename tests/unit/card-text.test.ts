import { bullets, card, heading, openUrl, paragraph } from '../../bot/cards/building-blocks';
import {
  CHAT_CARD_BUDGET,
  cardSize,
  elementsSize,
  estimatedLines,
  fitsInChat,
  visibleLength,
  visibleText,
} from '../../bot/cards/measure';
import { actionInBrief, clip, firstSentence, shortLine } from '../../bot/cards/short-text';

describe('first sentences', () => {
  it('ends at a full stop followed by a capital', () => {
    expect(firstSentence('Pressure affects people differently. Some colleagues carry more.')).toBe(
      'Pressure affects people differently.',
    );
  });

  it('does not end inside a quotation', () => {
    expect(firstSentence('Open simply: "This is ten minutes. How has today been?" Then wait. Listen.')).toBe(
      'Open simply: "This is ten minutes. How has today been?" Then wait.',
    );
  });

  it('does not end at a full stop followed by a lower-case word', () => {
    expect(firstSentence('Meet at 7.45am. on nights, e.g. after handover. Then rest.')).toBe(
      'Meet at 7.45am. on nights, e.g. after handover.',
    );
  });
});

describe('clipping text for a card', () => {
  const sentence =
    "If the pause only ever happens at five o'clock, night staff and people collecting children never get one, so run one at the end of nights too.";

  it('leaves text that fits alone', () => {
    expect(clip('Set a review date.', 40)).toBe('Set a review date.');
  });

  it('prefers the end of a clause, and says it was cut', () => {
    expect(clip(sentence, 120)).toBe(
      "If the pause only ever happens at five o'clock, night staff and people collecting children never get one…",
    );
  });

  it('prefers a colon or semicolon to a comma inside a list', () => {
    const text =
      'Some colleagues feel telling a manager is risky; Black, Asian and minority ethnic staff may also fear judgement.';
    expect(clip(text, 70)).toBe('Some colleagues feel telling a manager is risky…');
  });

  it('never cuts inside a word', () => {
    const text = 'Acknowledgement without backtracking matters enormously to everyone involved';
    for (let max = 'Acknowledgement…'.length; max < text.length; max++) {
      const kept = clip(text, max).replace(/…$/, '');
      expect(text.startsWith(kept)).toBe(true);
      expect(text.charAt(kept.length)).toBe(' ');
      expect(clip(text, max).length).toBeLessThanOrEqual(max);
    }
  });

  it('never leaves a quotation, bracket or bold span open', () => {
    const quoted =
      'Name it directly: "I do not know yet whether we will take patients from the other site today."';
    const bracketed =
      'List everyone who is not here right now (shielding, home-working, off sick or redeployed)';
    const bold = '**If the team loses a colleague:** tell people in person first';
    expect(clip(quoted, 60)).toBe('Name it directly…');
    expect(clip(bracketed, 70)).toBe('List everyone who is not here right now…');
    expect(clip(bold, 20)).toBe('**If…');
  });

  it('takes one short line from a passage: the first sentence, clipped', () => {
    expect(shortLine('Who stays quiet is rarely random. Night staff often miss out.', 100)).toBe(
      'Who stays quiet is rarely random.',
    );
    expect(shortLine(`${sentence} More follows.`, 120)).toBe(clip(sentence, 120));
  });
});

describe('actions in brief', () => {
  it('is the first sentence of an action', () => {
    expect(actionInBrief('Follow up within a day or two. Check in with those most affected.', 110)).toBe(
      'Follow up within a day or two.',
    );
  });

  it('joins the next sentence to a lead of a word or two', () => {
    expect(actionInBrief('Attend. Stop what you are doing and turn towards them. Then listen.', 110)).toBe(
      'Attend. Stop what you are doing and turn towards them.',
    );
  });
});

describe('measuring what a card shows', () => {
  const sample = card(
    [
      heading('A heading'),
      paragraph('Some **bold** words and [a link](https://example.org/page).'),
      bullets(['First', 'Second']),
    ],
    [openUrl('Read in full', 'https://example.org')],
    'A summary that is not shown.',
  );

  it('reads text as Teams shows it, with button titles and without Markdown or the spoken summary', () => {
    expect(visibleText(sample)).toBe(
      'A heading\nSome bold words and a link.\n• First\n• Second\nRead in full',
    );
    expect(visibleLength(sample)).toBe(
      'A heading'.length +
        'Some bold words and a link.'.length +
        '• First• Second'.length +
        'Read in full'.length,
    );
  });

  it('estimates lines from wrapped text and rows of buttons', () => {
    expect(estimatedLines(sample)).toBe(1 + 1 + 2 + 2);
    const long = card([paragraph('word '.repeat(60).trim())], [], 'Long.');
    expect(estimatedLines(long)).toBe(5);
  });

  it('adds up sizes element by element, so a line added to a card adds its own size', () => {
    expect(cardSize(sample)).toEqual({ characters: visibleLength(sample), lines: estimatedLines(sample) });
    const line = paragraph(`Other guides that may help: [${'A guide '.repeat(12)}](https://example.org/g)`);
    const longer = card([...sample.body, line], sample.actions ?? [], 'A summary that is not shown.');
    const added = elementsSize([line]);
    expect(added.lines).toBeGreaterThan(1);
    expect(cardSize(longer)).toEqual({
      characters: cardSize(sample).characters + added.characters,
      lines: cardSize(sample).lines + added.lines,
    });
  });

  it('refuses a card over the chat budget', () => {
    expect(fitsInChat(sample)).toBe(true);
    const tooLong = card([paragraph('x'.repeat(CHAT_CARD_BUDGET.characters + 1))], [], 'Too long.');
    expect(fitsInChat(tooLong)).toBe(false);
    const tooTall = card(
      Array.from({ length: CHAT_CARD_BUDGET.lines + 1 }, (_, index) => paragraph(`Line ${index}`)),
      [],
      'Too tall.',
    );
    expect(fitsInChat(tooTall)).toBe(false);
  });
});
