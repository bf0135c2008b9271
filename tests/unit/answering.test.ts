import path from 'node:path';
import { Answerer, LiveAnswerer } from '../../core/answering/ask';
import { SpellingReader } from '../../core/answering/spelling';
import { parseCommand } from '../../core/answering/commands';
import { GuideSearch } from '../../core/answering/search';
import {
  editDistance,
  normalise,
  sameWord,
  stem,
  termOf,
  terms,
  tokenize,
  withinEdits,
  withinOneEdit,
} from '../../core/answering/text';
import { ContentRegistry } from '../../core/content/registry';
import { SafetyCheck } from '../../core/safety';
import type { ContentLibrary } from '../../core/content/model';

const library = ContentRegistry.open(path.join(__dirname, '../../content'), () => new Date()).current();
const answerer = new Answerer(library);
const safety = SafetyCheck.fromLibrary(library);

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
    ['is there a group where I can talk to other ward managers going through the same?', { kind: 'circles' }],
    ['i just want to offload with people in the same boat', { kind: 'circles' }],
    ['any peer support for new band 7s?', { kind: 'circles' }],
    ['any chance of talking to other care home managers going through the same?', { kind: 'circles' }],
    ['sign me up pls', { kind: 'circles' }],
    ['can you put me in a circle with other new managers', { kind: 'circles' }],
    ['would love to talk to other managers who actually get it', { kind: 'circles' }],
    ['is there a group where district nursing leads meet up', { kind: 'circles' }],
    ['somewhere to vent with other band 6s from different trusts?', { kind: 'circles' }],
    ['i would like to hear how other managers cope with this', { kind: 'circles' }],
    ['are there peer groups for practice managers? want to talk to others doing it', { kind: 'circles' }],
    ['would be good to meet other ward sisters dealing with the same', { kind: 'circles' }],
    ['i want to talk to people who have been through a team losing someone', { kind: 'circles' }],
    ['is there a group for band 6 sisters? nobody to compare notes with', { kind: 'circles' }],
    ['any care home managers around? is there somewhere we can meet up', { kind: 'circles' }],
    [
      'my manager mentioned a facilitated group for people who lead teams, how do i get on it',
      { kind: 'circles' },
    ],
    ['when is my next circle', { kind: 'circles' }],
    ['are there any circles running on weekday evenings', { kind: 'circles' }],
    ['is there anyone in the same boat as me i could talk to', { kind: 'circles' }],
    ['would love to swap stories with fellow theatre managers', { kind: 'circles' }],
    ['id like to connect with managers from other trusts', { kind: 'circles' }],
    ['feeling pretty isolated in this job, are there any groups', { kind: 'circles' }],
    ['can you put me in a circle with other theatre leads, supervision is not enough', { kind: 'circles' }],
  ])('reads "%s"', (text, expected) => {
    expect(parseCommand(text, library)).toEqual(expected);
  });

  it.each([
    'guide 11',
    'how do I plan a rota for nights',
    'my plan for the winter surge is failing',
    // A facilitator's question about the circle they run, or a newcomer's about what one is like, is for the
    // circle guides, not a request for the list of circles to book.
    'one of the ward sisters in my circle talks over everyone else for the whole hour',
    'handling a dominating voice in my support group',
    'two members clashed in my circle last week and the others went quiet',
    'is a leadership support circle anything like counselling',
    'what is a leadership support circle',
    'our commissioner wants a summary of the themes from my circle',
    'how do other managers handle short notice sickness on nights',
    'been offered a place in a circle for ward sisters, what happens in one',
  ])('leaves "%s" to the guide search', (text) => {
    expect(parseCommand(text, library)).toBeUndefined();
  });
});

describe('text matching', () => {
  it('folds word forms together', () => {
    expect(stem('redeployed')).toBe(stem('redeployment'));
    expect(stem('huddles')).toBe(stem('huddle'));
    expect(terms('How do I support my redeployed staff?')).toEqual(['support', 'redeploy', 'staff']);
  });

  it('normalises plain ASCII and Unicode text alike: lower case, straight quotes, no accents, single spaces', () => {
    expect(normalise('  Don`t\tPANIC\n now ')).toBe("don't panic now");
    expect(normalise('  Don\u2019t\tPANIC\n now ')).toBe("don't panic now");
    expect(normalise('Caf\u00e9 na\u00efve \u2018Team\u2019\u00a0 rota')).toBe("cafe naive 'team' rota");
  });

  it('gives the terms of a text word by word', () => {
    const text = "I'm worried my team's exhausted, what's the best way to help?";
    expect(terms(text)).toEqual(tokenize(text).flatMap((word) => termOf(word) ?? []));
    expect(termOf('the')).toBeUndefined();
    expect(termOf('teams')).toBe(stem('teams'));
  });

  it('tells words a few edits apart exactly as the edit distance does', () => {
    const words = [
      'rota',
      'rotta',
      'rtoa',
      'ro',
      'rot',
      'rotas',
      'orta',
      'tora',
      'huddle',
      'hudle',
      'huddel',
    ];
    const variants = words.flatMap((word) => [
      word,
      `${word}s`,
      word.slice(1),
      `x${word}`,
      word.split('').reverse().join(''),
    ]);
    for (const a of variants) {
      for (const b of variants) {
        expect([a, b, withinOneEdit(a, b)]).toEqual([a, b, editDistance(a, b) <= 1]);
        for (const max of [0, 1, 2, 3]) {
          expect([a, b, max, withinEdits(a, b, max)]).toEqual([a, b, max, editDistance(a, b) <= max]);
        }
      }
    }
  });

  it('tolerates one typo in a command word, not two', () => {
    expect(editDistance('circels', 'circles')).toBe(1);
    expect(sameWord('hlep', 'help')).toBe(true);
    expect(sameWord('plna', 'plan')).toBe(true);
    expect(sameWord('pain', 'plan')).toBe(false);
    expect(sameWord('hi', 'ho')).toBe(false);
  });

  it('reads "how does it work" as a question about the bot only when nothing else in the message could be "it"', () => {
    expect(parseCommand('how does it work', library)).toEqual({ kind: 'help' });
    expect(
      parseCommand('huddles, what are they and how does it work on a busy ward with no time', library),
    ).toBe(undefined);
  });

  it('never reads a real word one letter from a command word as its typo', () => {
    expect(sameWord('budge', 'nudge')).toBe(false);
    expect(sameWord('nudeg', 'nudge')).toBe(true);
    expect(answerer.ask('how do i tell her about the move kindly but not budge').intent).toBe('guide');
  });
});

describe('answering', () => {
  it('puts urgent support before anything else, even inside a command', () => {
    expect(answerer.ask('help, i want to kill myself').intent).toBe('urgent');
  });

  it('answers clear intent as immediate, with no guides', () => {
    expect(answerer.ask("i've decided. the tablets are in my bag, tonight after my shift")).toMatchObject({
      intent: 'urgent',
      urgency: 'immediate',
      answers: [],
    });
  });

  it('answers a terse plan the sign rules pass, read by the model with a place and a time, as immediate', () => {
    const message = 'cant face it. level crossing after my shift tonight';
    expect(safety.assess(message).urgency).toBeUndefined();
    expect(answerer.ask(message)).toMatchObject({ intent: 'urgent', urgency: 'immediate', answers: [] });
  });

  it('checks in on risk the model reads in a message an off-topic word would otherwise decline', () => {
    expect(answerer.ask('where do i get a new locker key').intent).toBe('offTopic');
    expect(answerer.ask('does codeine interact with sertraline').intent).toBe('offTopic');
    // The model reads a parking question near a multi storey as barely at risk: not enough to keep it.
    expect(answerer.ask('where are staff meant to park while the multi storey works are on').intent).toBe(
      'offTopic',
    );
    expect(answerer.ask('my locker key is on your desk, give my things to the girls, sorry')).toMatchObject({
      intent: 'urgent',
      urgency: 'check-in',
    });
  });

  it('answers one warning sign with a check-in that carries the guides to offer once the person is safe', () => {
    const result = answerer.ask(
      "my team would honestly cope better if i just wasn't around, i'm so behind on everything",
    );
    expect(result).toMatchObject({ intent: 'urgent', urgency: 'check-in', about: 'self' });
    expect(result.answers.length).toBeGreaterThan(0);
  });

  it('offers the guide on spotting distress after a check-in about a colleague that matched no guide', () => {
    const result = answerer.ask('she keeps saying she wont be around for christmas');
    expect(result).toMatchObject({ intent: 'urgent', urgency: 'check-in', about: 'colleague' });
    expect(result.answers.map((answer) => answer.guideId)).toContain('react-conversation');
  });

  it('answers a new facilitator asking how to open a circle with a guide, not the list of circles', () => {
    const result = answerer.ask(
      'running my first circle on friday, what do i even do in the first ten minutes',
    );
    expect(result.intent).toBe('guide');
  });

  it('answers what a circle is like with the guide, not the list of circles to book', () => {
    const result = answerer.ask(
      'what is a support circle really like, do i have to speak in front of everyone',
    );
    expect(result.intent).toBe('guide');
    expect(result.answers[0]?.guideId).toBe('joining-a-circle');
  });

  it.each([
    'how do I book annual leave on healthroster',
    'forgot my smartcard pin again',
    'whats the max dose of paracetamol for an adult',
    'is it going to snow tomorrow',
    'what obs do we do after a paracetamol overdose',
    'my payslip is wrong, who do i ring',
    'is the car park barrier fixed yet',
    'how do i print next months rota off the e roster',
    'can you book me a room for my team meeting on thursday',
    'car lease salary sacrifice scheme, how does it work',
    'what band is a ward manager on agenda for change',
    'conversion from oral morphine to a fentanyl patch for a palliative patient',
    'is co-amoxiclav compatible with gentamicin in the same line',
    'could you swap my shifts so i get the 31st off',
    'cant log into healthroster, my account is locked',
    'can midazolam and morphine go in one syringe driver',
    'how much AL do i get as a band 5 with 6 years service',
    'what paternity leave am i entitled to',
    'where is best to park when the staff car park is full',
    'can you swap my lates on the rota for the bank holiday',
    'is the car park by the maternity unit still closed for the works',
    'will it rain tomorrow, doing the outdoor fun run for the ward',
    'is the visitor car park free after 6pm',
    'can i carry forward 3 days al to april',
    'what band should a clinical educator be on',
    'can u do my rota for next month',
    'the lift by ward 9 is broken again, who do i report it to',
    'how do i request special leave for a funeral next week',
    'can you move me onto earlies for next week',
    'how does carrying leave over into next year work',
    'how much enhancement do i get for working boxing day',
    'can you do next weeks rota for my unit',
    'does my pension transfer if i move to another trust',
    'which form do we use for reporting a broken chair',
    'what is the hr process for a formal grievance',
    'can you fix healthroster, two people are double booked',
    'teams will not let me share my screen on the call',
    'what is the policy on unpaid leave for a family wedding',
    'how do i record a sickness absence on the system for my hca',
    'what is the process for flexible working requests',
    'how do i mark a porter as off sick on the hr system',
    'can i give oxycodone and paracetamol together',
    'how many sick days before a stage 1 absence meeting',
    'how do i log a datix for a needlestick',
    'when is the next bank holiday and do nights get time back',
    'the rota for april still is not published, when will it be up',
    'can you send me a teams link for tuesdays meeting',
    'i need a rota template for a 24 hour unit',
    'what band is a ward clerk normally',
    'how do i get teams on my personal phone',
    'can i give co-codamol with ibuprofen together',
  ])('declines "%s" as something it cannot help with', (text) => {
    expect(answerer.ask(text)).toMatchObject({ intent: 'offTopic', answers: [] });
  });

  // Out-of-scope messages no pattern names are declined by the scope model (content/scope-examples.yaml).
  it.each([
    'the hand dryer in the staff loo is broken again',
    'who won the match last night',
    'the vending machine on level 2 ate my pound coin',
    'my smartphone keeps dropping the ward wifi',
    'the shower in the staff changing room is leaking again',
    'the ward fax machine keeps jamming',
  ])('declines "%s" by the scope model', (text) => {
    expect(answerer.ask(text)).toMatchObject({ intent: 'offTopic', answers: [] });
  });

  it('offers no guide for chit-chat the scope model is unsure of (the guide search is not confident either)', () => {
    expect(answerer.ask('whos winning the cricket').answers).toEqual([]);
  });

  it('still checks in on a hint of not being around in an out-of-scope grumble', () => {
    expect(answerer.ask('payslip wrong again, whatever, wont matter soon')).toMatchObject({
      intent: 'urgent',
      urgency: 'check-in',
    });
    expect(answerer.ask('printer jammed again and i give up on everything')).toMatchObject({
      intent: 'urgent',
    });
  });

  it('leaves a message about the people it affects to the guides, whatever the scope model makes of its words', () => {
    expect(answerer.ask('Winter has been brutal and the team are frazzled. How do we reset?')).toMatchObject({
      intent: 'guide',
    });
    expect(
      answerer.ask('Winter has been brutal and the team are frazzled. How do we reset?').answers[0]?.themeId,
    ).toBe('recovery');
  });

  it.each([
    'cancelled everyones leave for half term and now the whole ward hates me, how do i handle it',
    'how can i be fair to my staff when i have to change the rota again',
    'have to cancel two peoples leave over easter, how do i do it without being the bad guy',
    'our receptionist died after a long illness, the team are heartbroken, what do i do about her locker and the funeral',
  ])(
    'answers a message about how the team feels with a guide, though it names leave or a locker: "%s"',
    (text) => {
      expect(answerer.ask(text).intent).toBe('guide');
    },
  );

  it.each([
    'one of my porters took his own life over christmas and the team is lost, how do i support them',
    'we lost one of our midwives to suicide last month and the unit is reeling',
  ])('reads a colleague who has died by suicide as the team’s bereavement, not a risk now: "%s"', (text) => {
    expect(answerer.ask(text)).toMatchObject({ intent: 'guide' });
    expect(answerer.ask(text).answers[0]?.themeId).toBe('loss-and-grief');
  });

  it.each([
    "what's the point of the appraisal paperwork if nobody reads it",
    'my team make jokes about wanting to die whenever the bed manager rings, should i be worried about burnout',
  ])('does not raise an alarm on a grumble about work or a team’s dark humour: "%s"', (text) => {
    expect(answerer.ask(text).intent).toBe('guide');
  });

  it.each([
    'my team are furious that leave is cancelled over christmas, how do i tell them',
    'a patient took an overdose on the ward and the student who found her is in bits',
    'patient on 1:1 obs after an overdose absconded on my shift and my staff nurse is blaming herself',
  ])('still answers the people side of a task or a patient event: "%s"', (text) => {
    expect(answerer.ask(text).intent).toBe('guide');
  });

  it('also treats past-tense thoughts of a method as urgent, without alarming on "jumping at the chance"', () => {
    expect(answerer.ask('on the drive in i thought about driving into a wall').intent).toBe('urgent');
    expect(answerer.ask('i seriously thought about jumping last night').intent).toBe('urgent');
    expect(answerer.ask('i thought about jumping at the chance of the band 7 post').intent).toBe('guide');
  });

  it('answers facilitator guides only to callers who may see them', () => {
    const question =
      'one person keeps dominating my circle and the others have gone quiet, how do i bring them in';
    const facilitator = answerer.ask(question, ['manager', 'facilitator']);
    const manager = answerer.ask(question, ['manager']);
    const facilitatorOnly = (id: string) =>
      !library.guides.find((guide) => guide.id === id)?.audiences.includes('manager');
    expect(facilitator.answers[0]?.guideId).toBe('circle-dynamics');
    expect(manager.answers.some((answer) => facilitatorOnly(answer.guideId))).toBe(false);
    expect(answerer.rank(question, 3, ['manager']).some((answer) => facilitatorOnly(answer.guideId))).toBe(
      false,
    );
  });

  it('ranks the best guide of the best themes, with scores, best first', () => {
    const result = answerer.ask('half my team is shielding, how do I keep us together?');
    expect(result.intent).toBe('guide');
    expect(result.answers[0]).toMatchObject({ guideId: 'remote-and-shielding', themeId: 'stay-connected' });
    const themes = result.answers.map((answer) => answer.themeId);
    expect(new Set(themes).size).toBe(themes.length);
  });

  it('reads typed slips as the words the guides use, and leaves real words of the guides alone', () => {
    const reader = new SpellingReader(['huddle huddles wellbeing conversation rota', 'burnout rota']);
    expect(reader.read('how do i run a hudle about welbeing')).toBe('how do i run a huddle about wellbeing');
    expect(reader.read('the rota and the huddles')).toBe('the rota and the huddles');
    expect(reader.read('a burnuot conversaton')).toBe('a burnout conversation');
    expect(answerer.rank('how do i run a hudle on a bussy ward when everyones exausted')[0]?.themeId).toBe(
      answerer.rank('how do i run a huddle on a busy ward when everyones exhausted')[0]?.themeId,
    );
  });

  it("understands managers' words through the synonym list", () => {
    expect(answerer.ask('totally knackered').answers[0]?.guideId).toBe('running-on-empty');
    expect(answerer.ask('one of my BAME nurses feels unsafe').answers[0]?.themeId).toBe(
      'inclusive-leadership',
    );
  });

  it('adds synonyms for whole-word phrases only, in the order of the synonym list', () => {
    const search = new GuideSearch({
      ...library,
      synonyms: { 'burnt out': ['burnout'], out: ['away'], burn: ['scald'], 'nights on': ['night shift'] },
    });
    expect(search.expand('Burnt-out again after nights on call')).toBe(
      'Burnt-out again after nights on call burnout away night shift',
    );
    expect(search.expand('burnout on nights')).toBe('burnout on nights');
  });

  it('learns wording from content/guide-questions.yaml as well as from the guides themselves', () => {
    const question = 'our wobbly tuesday crew keep arguing over the kettle rota';
    const taught = new GuideSearch({
      ...library,
      guideQuestions: {
        ...library.guideQuestions,
        'team-reset': ['the wobbly tuesday crew and the kettle rota'],
      },
    });
    const untaught = new GuideSearch({ ...library, guideQuestions: {} });
    expect(taught.search(question).ranked[0]?.guideId).toBe('team-reset');
    expect(untaught.search(question).ranked[0]?.guideId).not.toBe('team-reset');
  });

  it('ranks a question the same, scores and all, however often it is asked', () => {
    const search = new GuideSearch(library);
    const question = 'redeploymnet conversations with exhuasted staff about wellbeing';
    const first = search.search(question);
    expect(first.ranked.length).toBeGreaterThan(0);
    expect(search.search(question)).toEqual(first);
    expect(search.search(`${question} today`).ranked).toEqual(
      new GuideSearch(library).search(`${question} today`).ranked,
    );
  });

  it('does not guess below the confidence threshold', () => {
    const search = new GuideSearch(library);
    expect(search.isConfident(search.search('the blue folder thing from last tuesday'))).toBe(false);
    expect(answerer.ask('the blue folder thing from last tuesday').answers).toEqual([]);
    expect(answerer.ask('the blue folder thing from last tuesday').intent).not.toBe('urgent');
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
