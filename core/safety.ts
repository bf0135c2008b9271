import { editDistance } from './answering/text';

/**
 * Recognises self-harm or suicide language, about oneself or a colleague, so the bot can signpost urgent
 * support before anything else. Deliberately errs towards recall: a false alarm costs a kind card; a miss
 * could cost far more. Patterns are grouped by the kind of signal they catch.
 */
const SELF = '(?:my|him|her|them|your|our)sel(?:f|ves)';
const PILLS = '(?:pills?|tablets?|paracetamol|meds|medication|insulin|sleeping pills|painkillers)';

const URGENT_PATTERNS: readonly RegExp[] = [
  // Naming suicide or self-harm directly.
  /\bsuicid\w*/,
  /\bself[- ]?harm\w*/,
  /\bself[- ]?inflicted\b/,
  /\bkms\b/,
  new RegExp(
    `\\b(?:kill|killing|killed|harm|harming|hurt|hurting|cut|cutting|burn|burning|hang|hanging|starve|starving) ${SELF}\\b`,
  ),
  new RegExp(
    `\\b(?:end|ending|ended|take|taking|took|takes) (?:my|his|her|their|your) (?:own )?li(?:fe|ves)\\b`,
  ),
  /\bend(?:ing|ed|s)? (?:it all|it|things|everything)\b(?! (?:on|at|early|there|here|now|with the|by|before|after|for the))/,
  /\b(?:overdos\w*|o\.?d'd|noose|ligature)\b/,
  /\b(?:an|took|taken|taking|done an|did an) o\.?d\.?(?=\s|$|[.,!?])/,
  // Wishing not to be alive.
  /\b(?:want|wants|wanted|wanting|wish|wishes|wished|going|plan|plans|planning|ready) to die\b/,
  /\bwish(?:es|ed)? (?:i|he|she|they) (?:was|were|wasn'?t|weren'?t) (?:dead|here|alive|around|born)\b/,
  /\b(?:rather|better) (?:be )?(?:off )?dead\b/,
  /\bbetter off (?:without (?:me|him|her|them|us)|if i (?:was|were)n'?t)\b/,
  /\bdon'?t want to (?:be here|be alive|live|wake up|exist|be around|carry on|go on)\b/,
  /\b(?:not|never|wouldn'?t) (?:want to )?wak(?:e|ing) up\b/,
  /\b(?:no|not any|n'?t (?:see )?(?:any|the)|nothing) (?:point|reason|purpose) (?:in |of )?(?:living|going on|being here|being alive|to live|anymore|any more|in anything|of anything|carrying on)\b/,
  /\bcan'?t see (?:the|any) point (?:of|in) (?:anything|life|living|going on|carrying on|it all)\b/,
  /\bcan'?t see the point any ?more\b/,
  /\bnothing (?:left )?to live for\b/,
  /\b(?:rather|prefer to|prefer) not (?:be alive|be here|exist|wake up|live|be around)\b/,
  /\bwhat'?s the point (?:in|of) (?:me|my|him|her|them|us) (?:even )?(?:being here|being alive|living|going on|carrying on|existing|staying)\b/,
  /\b(?:tired|sick) of (?:living|life|being alive|existing)\b/,
  /\bcan'?t (?:go on|carry on) (?:living|any ?more|like this)\b/,
  /\b(?:disappear|not be (?:around|here)) (?:for ever|forever|for good|permanently)\b/,
  /\bwon'?t be (?:around|here) (?:much longer|for long|any ?more)\b/,
  // Means and methods.
  /\b(?:jump|jumping|jumped) (?:off|from|in front of|under)\b/,
  // Thinking of a method, in any tense ("sat in the car park and thought about jumping"), but not idioms such as
  // "jumping ship" or "jumping at the chance".
  /\b(?:thought|thinks?|thinking|considered|considering|thoughts) (?:seriously )?(?:about|of) (?:jumping|stepping in front|walking in front|driving (?:into|off)|crashing (?:my|the) car|taking (?:an )?overdose|not being (?:here|alive|around)|not waking up)\b(?! (?:ship|at the chance|on board|in to help|into (?:the|a) (?:new|band|job|role)))/,
  /\b(?:steer|steering|drive|driving|swerve|swerving|crash|crashing) (?:my car |the car )?(?:into|off|in front of)\b(?=.*\b(?:lorry|truck|bridge|wall|tree|train|road|on purpose|deliberately|oncoming)\b)/,
  /\bstep(?:ping)? in front of (?:a |the )?(?:train|bus|lorry|car|truck)\b/,
  new RegExp(`\\b(?:how many|stockpil\\w*|hoard\\w*|saving up|collecting) (?:of )?(?:[a-z]+ )?${PILLS}\\b`),
  new RegExp(`\\b${PILLS} (?:it would take|to (?:die|end it|kill))\\b`),
  new RegExp(
    `\\b(?:taking|took|take|taken|swallowed|swallowing) (?:extra|more|a lot|loads|lots|all|a handful|the whole (?:box|pack|packet)) (?:of )?(?:my |her |his |their )?${PILLS}`,
  ),
  new RegExp(`\\b${PILLS}\\b.*\\b(?:be enough|it'?ll be enough|won'?t wake|not wake|never wake)\\b`),
  /\b(?:on|at|near|standing on) (?:the |a )?(?:bridge|roof|rooftop|ledge|cliff|cliff edge|railway|railway line|tracks|platform edge)\b.*\b(?:sorry|goodbye|bye|can'?t|jump|end it|done|over)\b/,
  /\b(?:sorry|goodbye)\b.*\b(?:on|at) (?:the |a )?(?:bridge|roof|rooftop|ledge|cliff|railway|tracks)\b/,
  // Goodbyes and giving things away.
  /\b(?:texted|messaged|sent|said|left) (?:me )?(?:a )?(?:'|")?(?:sorry for everything|goodbye|good bye|bye forever)\b/,
  /\bsorry for everything\b.*\bgoodbye\b/,
  /\bsaying (?:her |his |their |my )?goodbyes?\b/,
  /\bgiving (?:away )?(?:all )?(?:her|his|their|my) (?:things|stuff|belongings)\b/,
  /\b(?:written|writing|wrote|left) (?:a )?(?:suicide )?note\b.*\b(?:family|goodbye|everyone)\b/,
  /\b(?:no ?one|nobody|noone) (?:would|will|'d) (?:even )?(?:miss|notice|care about) (?:me|him|her|them)\b/,
  /\b(?:fatal|lethal|deadly) (?:dose|amount|overdose|quantity)\b/,
  // Imagining the act, researching it, or knowing how it ends.
  /\bhow easy it (?:would|could|'?d) be to\b/,
  /\b(?:working|worked|work) out how to do it\b/,
  /\b(?:know|knows|knew|decided) (?:exactly )?how (?:it'?s|it is|it'?ll|it will|this is|i'?m|she'?s|he'?s) going to end\b/,
  /\b(?:who|whoever) (?:would|will|'d|is going to) find (?:me|her|him|them)\b/,
  /\bwon'?t be (?:alive|living)\b/,
  /\bone[- ]way (?:ticket|train|trip|journey)\b/,
  /\bbeachy head\b/,
  // Feeling a burden that others would be better off without.
  /\b(?:dead weight|a waste of space)\b/,
  /\b(?:relieved|happier|better off) (?:if|when) (?:they|she|he|everyone|you) (?:didn'?t|did not|don'?t|no longer) (?:have to )?(?:carry|deal with|put up with|look after|worry about) (?:me|him|her)\b/,
  /\bbetter off (?:with|without) (?:me|him|her|the life insurance|the insurance|the money)\b/,
  /\blife insurance\b.*\bbetter off\b|\bbetter off\b.*\blife insurance\b/,
  /\bdone with (?:everything|everyone|it all|life|living)\b/,
  /\bnothing left of me\b/,
  // Settling affairs.
  /\bdeath in service\b/,
  /\bchang(?:ed|ing) (?:who gets|the beneficiary|her beneficiary|his beneficiary|my beneficiary)\b/,
  // Visible self-harm.
  /\b(?:burns?|cuts?|scars?|marks?|scratches) (?:on|up|across) (?:[a-z']+ ){0,4}(?:wrists?|forearms?|arms?|thighs?)\b/,
  /\bhow much (?:\w+ )?(?:would it take|does it take|it would take|would) (?:to )?(?:die|kill)\b/,
  /\b(?:life|it|living)(?:'s| is)? (?:isn'?t|is not|not|no longer) worth (?:it|living|going on)\b/,
  /\b(?:ways?|how|methods?) to (?:not be (?:here|around|alive)|die|end (?:it|my life|her life|his life|things)|kill (?:my|him|her|them)sel(?:f|ves)|disappear for good)\b/,
  new RegExp(
    `\\b(?:putting|put|setting|set|keeping|kept|saving|saved|hiding|hid) (?:my |her |his |their )?(?:${PILLS}) (?:aside|away|back|up)\\b`,
  ),
  /\bexactly (?:what|how much|how many) (?:i'?d|i would|i'?ll|she'?d|he'?d) take\b/,
  /\b(?:got|have|has|made|making) (?:a |her |his |my )?plans? (?:to|for when|for if)\b.*\b(?:too much|end|die|it all|over|can'?t)\b/,
  /\b(?:written|writing|wrote|left) (?:goodbye )?(?:letters?|notes?|messages?) (?:to|for) (?:my|her|his|their) (?:kids|children|family|wife|husband|partner|mum|dad|parents)\b/,
];

/**
 * Signals that on their own are not enough (a resident died; the final handover; a bridge on the way home) but
 * together point to risk: death or not existing, a means or place, a goodbye or settling affairs, and
 * hopelessness. Two different kinds in one message count as urgent.
 */
const SIGNALS: Record<'death' | 'means' | 'goodbye' | 'hopeless' | 'unreachable', RegExp> = {
  death:
    /\b(?:(?:i|i'?d|i'?m|me|she|she'?d|she'?s|he|he'?d|he'?s|they|they'?d|they'?re) (?:just |really |would |could |might |should |wants? to |want to |wanna |going to |gonna )*(?:die|be dead|dying)|my (?:own )?death|not (?:be )?(?:here|around|alive)|no longer (?:be )?(?:here|around)|(?:not|never) wake|gone for good|disappear|cease to exist|stop existing|end (?:it|things|everything|my life)|be with (?:my|her|his) (?:mum|dad|mother|father|husband|wife|son|daughter) again|(?:was|were|am|is|be) gone|if (?:i|he|she|they) (?:was|were)n'?t (?:here|around)|won'?t (?:need|be needing) (?:it|them|this|any|anything|my|her|his)|(?:won'?t|will not|not going to|wont) be (?:around|here)|(?:i'?ll|ill|she'?ll|he'?ll|i will|she will|he will) (?:not )?be (?:around|here) (?:for|much|next|by)|(?:don'?t|dont) think (?:i'?ll|ill|she'?ll|he'?ll) be (?:around|here)|if (?:i'?m|im|i am|she'?s|he'?s) not (?:on the rota|here|around|at work) (?:next|by|after)|slide under|stay under)\b/,
  means:
    /\b(?:pills?|tablets?|paracetamol|co-?codamol|tramadol|codeine|morphine|oramorph|fentanyl|diazepam|sertraline|amitriptyline|antidepressants?|controlled drugs|late (?:husband|wife|partner)'?s (?:meds|medication|morphine|tablets)|meds|medication|insulin|overdose|rope|belt|ligature|noose|knife|blade|razor|cut(?:ting)?|bridge|jump|tracks|train|motorway|lorry|cliff|roof|car park|multi[- ]?storey|ledge|drown|river|canal|gas|exhaust|hose|stockpil\w*|how many (?:\w+ )?(?:would|does it) take)\b/,
  goodbye:
    /\b(?:goodbyes?|good byes?|farewells?|say(?:ing|s|id)? (?:her |his |my |their )?(?:bye|goodbyes?)|thank (?:you|u) for everything|(?:my|her|his|their) last (?:message|shift|day)|sorry for everything|letters? (?:to|for)|note (?:to|for)|my will|sorted (?:out )?(?:my|her|his) (?:affairs|things|will|paperwork)|giv(?:e|ing|en|e away|ing away) (?:away )?(?:my|her|his|their) (?:things|stuff|belongings|cat|dog|pets?)|gave (?:away )?(?:my|her|his|their) (?:things|stuff|belongings|cat|dog|pets?)|cancell?(?:ed|ing) (?:all )?(?:my|her|his) (?:direct debits|standing orders|subscriptions)|look after (?:my|her|his) (?:kids|children|cat|dog) for (?:me|her|him)|won'?t be a burden|burden (?:to|on) (?:everyone|every one|them|you|my family|her family|his family))\b/,
  hopeless:
    /\b(?:no (?:point|way out|future|hope|reason)|pointless|hopeless|nothing (?:left|to live for|matters)|can'?t (?:go on|carry on|take (?:it|this|any ?more)|cope any ?more|do this any ?more)|trapped|give up on (?:life|everything)|everyone(?:'d| would) be better|better off|tired of (?:it all|everything|all of it|being here)|had enough of (?:life|everything|it all)|can'?t see a way (?:out|forward|through)|what'?s the point|worthless|(?:a|such a) burden|let everyone down|(?:no ?one|nobody|noone) (?:would|will|'d) (?:miss|notice|care)|(?:has|have|had|i'?ve|she'?s|he'?s) thought about (?:it|doing it|using (?:it|them)|taking (?:it|them)))\b/,
  unreachable:
    /\b(?:left (?:her|his|their) phone|walked (?:off|out)(?: of)? (?:the ward|the unit|shift|mid[- ]?shift)|not answering|isn'?t answering|won'?t answer|no answer|not picking up|isn'?t picking up|can'?t (?:reach|get hold of|contact)|gone missing|hasn'?t (?:turned up|come home|been seen)|switched (?:her|his|their) phone off)\b/,
};

/** Catches typed variants of "suicide" and "suicidal" (one or two slips, as people type in a hurry). */
function isSuicideMisspelt(word: string): boolean {
  if (word.length < 6 || !word.startsWith('s')) return false;
  return ['suicide', 'suicidal'].some((target) => editDistance(word, target) <= 2);
}

/** Normalises typing habits (curly quotes, case, spacing) before matching. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ');
}

/** How urgent a disclosure is: a clear intent, plan, means or method (immediate), or one warning sign (check-in). */
export type Urgency = 'immediate' | 'check-in';

/** Whom a disclosure is about, so a check-in can ask "are you safe?" or "are they safe?". */
export type RiskSubject = 'self' | 'colleague';

/** The safety reading of one message: no urgency, or a level and whom it is about. */
export type RiskAssessment = { urgency: undefined } | { urgency: Urgency; about: RiskSubject };

const COLLEAGUE =
  /\b(?:colleague|coworker|co-worker|staff|nurse|hca|hcsw|porter|doctor|registrar|f1|f2|fy1|fy2|student|midwife|carer|member of (?:my |the )?team|one of (?:my|the|our) \w+|my (?:deputy|manager|boss|band \d|matron|sister|team ?lead(?:er)?|friend)|she|he|her|him|they|them|their)\b/;
/** Whom the message is about: a colleague when it names or points to someone other than the writer. */
function subjectOf(normalised: string): RiskSubject {
  return COLLEAGUE.test(normalised) ? 'colleague' : 'self';
}

/**
 * Reads a message for self-harm or suicide risk, about the writer or a colleague. Errs towards recall: a
 * check-in costs one kind question; a miss could cost far more.
 */
export function assessRisk(text: string): RiskAssessment {
  const normalised = normalise(text);
  const immediate =
    URGENT_PATTERNS.some((pattern) => pattern.test(normalised)) ||
    normalised.split(/[^a-z]+/).some(isSuicideMisspelt);
  const kinds = Object.values(SIGNALS).filter((pattern) => pattern.test(normalised)).length;
  if (!immediate && kinds < 2) return { urgency: undefined };
  return { urgency: 'immediate', about: subjectOf(normalised) };
}

/** True when the text contains self-harm or suicide language and urgent-support signposting must come first. */
export function needsUrgentSupport(text: string): boolean {
  return assessRisk(text).urgency !== undefined;
}
