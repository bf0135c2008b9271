import { THEME_IDS, type ContentLibrary, type ThemeId } from '../content/model';
import { normalise, sameWord, tokenize } from './text';

/** What a message asks the bot to do, when it is a command rather than a question. */
export type Command =
  | { kind: 'help' }
  | { kind: 'plan' }
  | { kind: 'circles' }
  | { kind: 'myCircles' }
  | { kind: 'postCircle'; code: string }
  | { kind: 'nudges'; setting: 'on' | 'off' | undefined }
  | { kind: 'theme'; themeId: ThemeId }
  | { kind: 'guide'; guideId: string };

const GREETINGS = ['help', 'hi', 'hello', 'hey', 'start', 'menu', 'commands', 'options', 'hiya'];
/** Questions about the bot itself, matched anywhere in a short message ("u" is read as "you"). */
const BOT = '(?:you|this|it|this bot|the bot|this app|the app|this thing|the thing|this tool)';
const HELP_PATTERNS = [
  new RegExp(
    `\\bwhat (?:can|could|does|do|else can|exactly can|exactly does) ${BOT} (?:actually |really |even )?(?:do|help|offer)\\b`,
  ),
  new RegExp(`\\bhow (?:does|do|can|could) ${BOT} (?:actually |even )?(?:work|help)\\b`),
  new RegExp(`\\bhow (?:do|can|should) i use ${BOT}\\b`),
  new RegExp(`\\bwhat (?:are you|is ${BOT}|'?s ${BOT}) (?:for|about)\\b`),
  /\bwhat (?:can|should|do) i ask\b/,
  new RegExp(`\\bwhat ${BOT} (?:can and can'?t|can or can'?t|can and cannot) do\\b`),
  /\bwhat (?:i'?m|am i) (?:supposed|meant) to (?:type|ask|write|put)\b/,
  /\bwhat (?:sort|kind|type)s? of (?:things|questions|stuff|help) (?:can|do|could)\b/,
  /\bwho are you\b/,
  /\bwhat is this (?:bot|app|thing|tool)\b/,
  new RegExp(`\\bwhat (?:can|could|should|do) (?:i|we) use ${BOT} for\\b`),
  /\b(?:is|are) (?:this|you) (?:a |an )?(?:chat ?bot|bot|robot|real person|human|ai)\b/,
];
/** A longer message whose "it" or "this" is a thing it names ("after action review … how does it work"). */
const ANOTHER_IT =
  /^(?=(?:\S+ ){9,})(?!.*\b(?:you|bot|chat ?bot|app|tool|first time|using this|new here|new to this)\b).*\b(?:it|this)\b/;
const PLAN_WORDS = new Set([
  'can',
  'i',
  'we',
  'could',
  'where',
  'whats',
  "what's",
  'show',
  'me',
  'the',
  'ten',
  '10',
  'point',
  'plan',
  'see',
  'open',
  'view',
  'whole',
  'full',
  'your',
  'a',
  'pls',
  'please',
  'give',
  'get',
  'what',
  'is',
  'leading',
  'compassionately',
  'all',
  'list',
]);
const CIRCLE_CONTEXT = new Set([
  'sign',
  'join',
  'book',
  'booking',
  'upcoming',
  'coming',
  'next',
  'any',
  'list',
  'when',
  'available',
  'find',
  'show',
  'are',
  'there',
]);
/** Asking to talk with other managers, peer support or "people going through the same": a circle. */
const PEER_SUPPORT =
  /\b(?:(?:talk|talking|speak|speaking|chat|chatting|connect|connecting|share|sharing|meet|meeting|vent|venting|offload|offloading|meet up) (?:to|with|up with)? ?(?:other|fellow|some other|more) (?:[a-z0-9]+ ){0,3}?(?:managers?|leaders?|leads|sisters|matrons|peers|band \d+s?|people in (?:my|the same) (?:role|position|shoes|boat))|peer support|peer groups?|support groups?|(?:people|managers|others|someone|anyone|anybody|colleagues) (?:who are |who'?re )?(?:going through|in) the same (?:thing|stuff|boat|position|situation|role)|(?:going through|in) the same (?:thing|stuff|boat|position|situation) as me|a group (?:where|for) (?:i|managers|people like me)|groups? (?:where|for|of) (?:[a-z0-9]+ ){0,3}?(?:managers|leaders|leads|sisters|band \d+s?|people who manage|people like me)|(?:is there|are there|any) (?:somewhere|a place|anywhere) (?:we|i|managers|leads) (?:can|could) (?:meet up|meet|talk|chat|offload)|(?:compare notes|share notes) with (?:other|others|people|someone|nobody)|(?:no ?one|nobody|noone) to compare notes with|(?:managers|leaders) like me|facilitated (?:group|session|space)|(?:talk|speak|chat|be) (?:to|with) (?:other )?(?:people|others|someone|managers|leaders) who (?:actually |really |just |properly )?(?:get it|get what it'?s like|understand|know what it'?s like|have been there|are in the same)|(?:put|get|place|add|added) (?:me |myself )?(?:in|into|on|onto|to) (?:a |one of the |the |one of your )?(?:[a-z]+ ){0,2}?(?:circles?|peer groups?|support groups?)|(?:talk|share) (?:to|with) each other|groups? where (?:[a-z0-9']+ ){0,4}?(?:meet|meet up|talk|share|offload|vent|chat|get together)|(?:offload|offloading|vent|venting|talk|chat|share|speak) (?:to|with) (?:other|fellow) (?:[a-z0-9]+ ){0,3}?(?:band \d+s?|managers?|leads|team leads|sisters|charge nurses|matrons|leaders|peers)|hear how (?:other|others|other people|other managers|other leads) (?:cope|manage|deal|get by)|(?:talk|speak|chat) (?:to|with) (?:others|other people) (?:doing|going through|in) (?:it|the same|this|that)|(?:people|others|someone|managers|leaders) who(?:'?ve| have) (?:been there|been through|gone through|led|done|dealt with|faced))\b/;

/**
 * Wanting to meet or hear from peers in other words: other managers (or people in similar roles, or who lead
 * teams too) together with a word of meeting, talking or coping, or feeling alone in the role and asking for a group.
 */
const PEERS =
  /\b(?:(?:other|fellow) (?:[a-z0-9]+ ){0,3}?(?:managers?|leads|leaders|supervisors|sisters|matrons|charge nurses|peers|band \d+s|pms|deputies|team leaders)|managers (?:from|in|at|across) (?:other|different)|people (?:in|with|doing) (?:similar|the same) (?:roles?|jobs?|positions?)|people who (?:get|understand|lead|manage|run|know what)|(?:anyone|anybody) else (?:out there )?(?:managing|leading|running|going (?:through|thru)|in charge)|(?:anyone|anybody|others?|people) (?:else )?in (?:my|the same) (?:shoes|boat|position|situation)|(?:anyone|anybody|someone) (?:else )?(?:out there )?(?:i|we) (?:could|can|might) (?:chat|talk|speak|vent|offload) (?:to|with))\b/;
const MEETING_WORDS =
  /\b(?:talk|talking|speak|speaking|chat|share|sharing|meet|meeting|connect|connecting|vent|offload|hear|hearing|in touch|bounce|swap|compare|groups?|be around|coping|cope|going (?:through|thru)|feeling (?:like )?this|out there|similar)\b/;
const ALONE_ASKING_FOR_A_GROUP =
  /\b(?:lonely|alone|isolated|only one)\b.*\b(?:any|a|some) (?:groups?|peer (?:support|things?|groups?|networks?|forums?)|support groups?|networks?|forums?)\b|\b(?:any|a) (?:groups?|space|safe space|place) (?:for|where) (?:managers|leaders|leads|people like me)\b|\bi need a group\b/;

/**
 * A longer question about taking part in or facilitating a circle (what happens, confidentiality, a
 * participant, notes): answered by the circle guides rather than the list of circles to book.
 */
const ABOUT_BEING_IN_A_CIRCLE =
  /\b(?:facilitat\w*|participants?|confidential\w*|ground rules|disclos\w*|says|tells|told|dominat\w*|notes|debrief\w*|therapy|happens|expect|prepare|nervous|silence|quiet|talk(?:ing|s)? (?:in|over)|structure|how (?:do|should|can) i (?:run|open|close|start|end|handle|stop|bring)|ran over|said|shared|upset|worse|burn(?:ing|t)? ?out|wellbeing|myself|attended|report|gdpr|confidentiality|(?:running|run|ran|facilitating|lead|leading) (?:a|my|the|our|this|one|their|your) (?:[a-z]+ ){0,2}?circles?|(?:i|we) (?:run|ran)|my first circle|first (?:\d+|five|ten|few) min(?:ute)?s|what do i (?:actually |even )?do|what'?s (?:a |it |the |one )?(?:[a-z]+ ){0,3}?(?:actually |really )?like|have to (?:say|speak|talk|share)|out loud|speak up|members?|clam\w*|silent|feedback|summary|themes?|shred\w*|keep(?:ing)? (?:my |the )?notes|find out|(?:manager|boss) (?:will |would )?(?:find|know|see|hear)|worth (?:it|doing|going|joining)|(?:like|same as|different (?:from|to)|difference between|instead of|or)\b[^.?!]{0,30}\b(?:counselling|supervision)|(?:counselling|supervision) or|fit in|do i (?:have|need) to|how long|(?:what|whats|what'?s) (?:is |are )?(?:a |an |the |these |this )?(?:leadership )?(?:support )?circles?(?: (?:actually|about|for))?$|(?:in|from|after|during) (?:my|our|the|this|that|last|each) (?:[a-z]+ ){0,2}?(?:circle|group|session))\b/;

/** Asking to join ("can I join a leadership support circle, a colleague said it helped her"). */
const JOIN_REQUEST =
  /\b(?:can|could|may) i (?:join|sign up|book|get (?:on|into))\b|\b(?:i'?d like|i want|i wanna|want) to (?:join|sign up)\b|\bhow (?:do|can) i (?:join|sign up|book|get (?:onto|on to|into|on))\b/;

/** Facilitation talk about a group the writer runs or sits in: never a request for the list of circles. */
const FACILITATING =
  /\b(?:running (?:my|a|the|our) (?:first |next |new )?(?:leadership support )?circle|facilitat(?:or|ors|ing|e)|participants?|dominat\w*|ground rules|(?:in|from|of) my (?:circle|group|support group|peer group))\b/;

/** A message that only asks the bot to stop messaging: nudges off, whatever else the bot might read in it. */
const STOP_MESSAGES =
  /^(?:please )?(?:stop|stop it|stop all|stop now|stop please|stop messages|stop messaging me|stop sending|unsubscribe|opt out|optout|unsub)(?: please| thanks| thank you)?$/;

const NUDGE_WORDS = ['nudge', 'nudges', 'reminder', 'reminders', 'notification', 'notifications'];

function hasWord(words: string[], expected: string): boolean {
  return words.some((word) => sameWord(word, expected));
}

function themeFromWords(rest: string[], library: ContentLibrary): ThemeId | undefined {
  if (rest.length === 0) return undefined;
  const joined = rest.join(' ');
  const number = Number(joined.replace(/^(?:point|theme|number|no)\s+/, ''));
  if (Number.isInteger(number) && number >= 1 && number <= THEME_IDS.length) return THEME_IDS[number - 1];
  const byId = THEME_IDS.find((id) => id === joined.replace(/\s+/g, '-'));
  if (byId) return byId;
  const byTitle = library.themes.find((theme) => normalise(theme.title) === joined);
  return byTitle?.id;
}

/**
 * Recognises commands: help, plan, circles, nudges on/off, and "guide <number, theme or guide id>". Typos of
 * one letter are tolerated in command words. Returns undefined for anything that should be searched instead.
 */
export function parseCommand(text: string, library: ContentLibrary): Command | undefined {
  const words = tokenize(text);
  const phrase = words.join(' ');
  if (words.length === 0) return { kind: 'help' };

  if (words.length <= 3 && words.every((word) => GREETINGS.some((greeting) => sameWord(word, greeting)))) {
    return { kind: 'help' };
  }
  const spoken = phrase.replace(/\bu\b/g, 'you');
  // "How does it work" asks about the bot only when nothing else in the message could be "it".
  if (words.length <= 20 && HELP_PATTERNS.some((pattern) => pattern.test(spoken)) && !ANOTHER_IT.test(spoken))
    return { kind: 'help' };

  const [first, ...rest] = words;
  if (first && sameWord(first, 'guide') && rest.length > 0 && rest.length <= 5) {
    const guideId = rest.join('-');
    if (library.guides.some((guide) => guide.id === guideId)) return { kind: 'guide', guideId };
    const themeId = themeFromWords(rest, library);
    if (themeId) return { kind: 'theme', themeId };
  }

  if (/\b(?:ten|10)[ -]?point plan\b/.test(phrase)) return { kind: 'plan' };
  if (
    words.length <= 20 &&
    /\b(?:overview|summary|outline) of (?:the|your) (?:whole |full |leading compassionately |compassionate leadership )?plan\b/.test(
      phrase,
    )
  ) {
    return { kind: 'plan' };
  }
  if (
    words.length <= 30 &&
    /\b(?:all|the|ten|10|full list of|list of|list all) (?:the )?(?:ten |10 )?(?:themes|points|principles|behaviours)\b(?! (?:from|in|of|that|which|we|raised|came|coming))/.test(
      phrase,
    )
  ) {
    return { kind: 'plan' };
  }
  if (
    words.length <= 20 &&
    /\b(?:show|see|send|give|get|view|find|read|open|look at|where'?s|where is|link to) (?:me )?(?:the|your|that|this) (?:whole |full |complete |overall |compassionate leadership |leading compassionately )?plan\b/.test(
      phrase,
    )
  ) {
    return { kind: 'plan' };
  }
  if (
    hasWord(words, 'plan') &&
    words.length <= 6 &&
    words.every((word) => PLAN_WORDS.has(word) || sameWord(word, 'plan'))
  ) {
    return { kind: 'plan' };
  }

  const post = /^post (?:a )?circle ([0-9a-f]{6,8}(?:-[0-9a-f-]{0,28})?)$/.exec(phrase.replace(/ - /g, '-'));
  if (post?.[1]) return { kind: 'postCircle', code: post[1] };
  if (/^(?:my|show my|see my|list my) (?:circles?|bookings?|circle bookings?)$/.test(phrase)) {
    return { kind: 'myCircles' };
  }

  const mentionsCircle =
    words.some((word) => sameWord(word, 'circle') || sameWord(word, 'circles')) ||
    words.includes('lsc') ||
    words.includes('lscs');
  const asksToJoin = JOIN_REQUEST.test(phrase);
  const facilitating = FACILITATING.test(phrase);
  const aboutBeingInOne = words.length > 3 && ABOUT_BEING_IN_A_CIRCLE.test(phrase) && !asksToJoin;
  if (
    words.length <= 40 &&
    !facilitating &&
    !(mentionsCircle && aboutBeingInOne) &&
    (PEER_SUPPORT.test(phrase) ||
      (PEERS.test(phrase) && MEETING_WORDS.test(phrase)) ||
      ALONE_ASKING_FOR_A_GROUP.test(phrase))
  )
    return { kind: 'circles' };
  if (
    words.length <= 6 &&
    /^(?:(?:can|could) (?:you|u) )?(?:please )?(?:sign|put|book) me (?:up|on|in)(?: (?:for|to) (?:one|it|a circle|the circle|a session))?(?: please| pls| plz| thanks)?$/.test(
      phrase,
    )
  )
    return { kind: 'circles' };

  if (
    mentionsCircle &&
    (words.length <= 3 || words.some((word) => CIRCLE_CONTEXT.has(word)) || asksToJoin) &&
    !aboutBeingInOne &&
    !facilitating
  ) {
    return { kind: 'circles' };
  }

  // A bare "stop" (or "unsubscribe") always turns nudges off: the word people use to stop any messages.
  if (STOP_MESSAGES.test(phrase)) return { kind: 'nudges', setting: 'off' };

  const mentionsNudges =
    words.some((word) => NUDGE_WORDS.some((nudge) => sameWord(word, nudge))) ||
    /\bweekly (?:tips?|guides?|emails?|messages?|reminders?|nudges?)\b/.test(phrase) ||
    /\b(?:tips?|guides?|reminders?) (?:every|each|once a) week\b/.test(phrase) ||
    /\bregular (?:tips?|reminders?|guides?|messages?)\b/.test(phrase) ||
    /\bstop (?:messaging|sending|pinging|texting|notifying) me\b/.test(phrase);
  if (mentionsNudges && words.length <= 25) {
    const off =
      /\b(?:off|stop|unsubscribe|no more|don'?t|do not|cancel|disable|pause|mute|too many|fewer)\b/.test(
        phrase,
      );
    const on = /\b(?:on|start|subscribe|sign me up|turn on|enable|yes|send me|like|want|get|sign up)\b/.test(
      phrase,
    );
    return { kind: 'nudges', setting: off ? 'off' : on ? 'on' : undefined };
  }
  return undefined;
}
