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
  /\bkms\b/,
  new RegExp(
    `\\b(?:kill|killing|killed|harm|harming|hurt|hurting|cut|cutting|burn|burning|hang|hanging|starve|starving) ${SELF}\\b`,
  ),
  new RegExp(
    `\\b(?:end|ending|ended|take|taking|took|takes) (?:my|his|her|their|your) (?:own )?li(?:fe|ves)\\b`,
  ),
  /\bend(?:ing|ed|s)? (?:it all|it|things|everything)\b(?! (?:on|at|early|there|here|now|with the|by|before|after|for the))/,
  /\b(?:overdos\w*|o\.?d\.?'?d|noose|ligature)\b/,
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
  /\bthinking (?:about|of) jumping\b/,
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
  /\b(?:written|writing|wrote|left) (?:goodbye )?(?:letters?|notes?|messages?) (?:to|for) (?:my|her|his|their) (?:kids|children|family|wife|husband|partner|mum|dad|parents)\b/,
];

/** Normalises typing habits (curly quotes, case, spacing) before matching. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ');
}

/** True when the text contains self-harm or suicide language and urgent-support signposting must come first. */
export function needsUrgentSupport(text: string): boolean {
  const normalised = normalise(text);
  return URGENT_PATTERNS.some((pattern) => pattern.test(normalised));
}
