import path from 'node:path';
import { Answerer, LiveAnswerer } from '../../core/answering/ask';
import { parseCommand } from '../../core/answering/commands';
import { editDistance, sameWord, stem, terms } from '../../core/answering/text';
import { ContentRegistry } from '../../core/content/registry';
import type { ContentLibrary } from '../../core/content/model';

const library = ContentRegistry.open(path.join(__dirname, '../../content'), () => new Date()).current();
const answerer = new Answerer(library);

describe('reading commands', () => {
  it.each([
    ['help', { kind: 'help' }],
    ['hlep', { kind: 'help' }],
    ['', { kind: 'help' }],
    ['what can you do?', { kind: 'help' }],
    ['plan', { kind: 'plan' }],
    ['show me the plan', { kind: 'plan' }],
    ['the 10 point plan please', { kind: 'plan' }],
    ['circles', { kind: 'circles' }],
    ['circels', { kind: 'circles' }],
    ['any leadership support circles next month?', { kind: 'circles' }],
    ['nudges on', { kind: 'nudges', setting: 'on' }],
    ['nudges off', { kind: 'nudges', setting: 'off' }],
    ['stop sending me weekly tips', { kind: 'nudges', setting: 'off' }],
    ['guide 3', { kind: 'theme', themeId: 'emotional-tone' }],
    ['guide routines', { kind: 'theme', themeId: 'routines' }],
    ['guide look after yourself', { kind: 'theme', themeId: 'look-after-yourself' }],
    ['guide pause-spaces', { kind: 'guide', guideId: 'pause-spaces' }],
    ['what could we use this for', { kind: 'help' }],
    ['are you a bot?', { kind: 'help' }],
    ['give me a summary of the whole plan', { kind: 'plan' }],
  ])('reads "%s"', (text, expected) => {
    expect(parseCommand(text, library)).toEqual(expected);
  });

  it.each(['guide 11', 'how do I plan a rota for nights', 'my plan for the winter surge is failing'])(
    'leaves "%s" to the guide search',
    (text) => {
      expect(parseCommand(text, library)).toBeUndefined();
    },
  );
});

describe('text matching', () => {
  it('folds word forms together', () => {
    expect(stem('redeployed')).toBe(stem('redeployment'));
    expect(stem('huddles')).toBe(stem('huddle'));
    expect(terms('How do I support my redeployed staff?')).toEqual(['support', 'redeploy', 'staff']);
  });

  it('tolerates one typo in a command word, not two', () => {
    expect(editDistance('circels', 'circles')).toBe(1);
    expect(sameWord('hlep', 'help')).toBe(true);
    expect(sameWord('plna', 'plan')).toBe(true);
    expect(sameWord('pain', 'plan')).toBe(false);
    expect(sameWord('hi', 'ho')).toBe(false);
  });
});

describe('answering', () => {
  it('puts urgent support before anything else, even inside a command', () => {
    expect(answerer.ask('help, i want to kill myself').intent).toBe('urgent');
  });

  it('also treats past-tense thoughts of a method as urgent, without alarming on "jumping at the chance"', () => {
    expect(answerer.ask('on the drive in i thought about driving into a wall').intent).toBe('urgent');
    expect(answerer.ask('i seriously thought about jumping last night').intent).toBe('urgent');
    expect(answerer.ask('i thought about jumping at the chance of the band 7 post').intent).toBe('guide');
  });

  it('ranks the best guide of the best themes, with scores, best first', () => {
    const result = answerer.ask('half my team is shielding, how do I keep us together?');
    expect(result.intent).toBe('guide');
    expect(result.answers[0]).toMatchObject({ guideId: 'remote-and-shielding', themeId: 'stay-connected' });
    const themes = result.answers.map((answer) => answer.themeId);
    expect(new Set(themes).size).toBe(themes.length);
  });

  it("understands managers' words through the synonym list", () => {
    expect(answerer.ask('totally knackered').answers[0]?.guideId).toBe('running-on-empty');
    expect(answerer.ask('one of my BAME nurses feels unsafe').answers[0]?.themeId).toBe(
      'inclusive-leadership',
    );
  });

  it('does not guess below the confidence threshold', () => {
    expect(answerer.ask('is the car park barrier fixed yet').answers).toEqual([]);
  });

  it('answers "guide <theme>" with that theme\'s guides in plan order', () => {
    const result = answerer.ask('guide 5');
    expect(result.answers.map((answer) => answer.guideId)).toEqual(
      library.themes.find((theme) => theme.id === 'routines')?.guideIds,
    );
  });

  it('rebuilds the search only when the content changes', () => {
    let current: ContentLibrary = library;
    const live = new LiveAnswerer(() => current);
    const first = live.current();
    expect(live.current()).toBe(first);
    current = { ...library, guides: library.guides.filter((guide) => guide.id !== 'remote-and-shielding') };
    const second = live.current();
    expect(second).not.toBe(first);
    expect(second.ask('half my team is shielding').answers[0]?.guideId).not.toBe('remote-and-shielding');
  });
});
