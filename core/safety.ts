/**
 * Recognises self-harm or suicide language, about oneself or a colleague, so the bot can signpost urgent
 * support before anything else. Deliberately errs towards recall: a false alarm costs a kind card; a miss
 * could cost far more.
 */
const URGENT_PATTERNS: readonly RegExp[] = [
  /\bsuicid\w*/,
  /\bkill(?:ing|ed|s)? (?:my|him|her|them)sel(?:f|ves)\b/,
  /\bkms\b/,
  /\bend(?:ing|ed|s)? (?:it all|my life|his life|her life|their life|their lives|things)\b/,
  /\btake (?:my|his|her|their) (?:own )?li(?:fe|ves)\b/,
  /\btook (?:his|her|their) (?:own )?li(?:fe|ves)\b/,
  /\b(?:self[- ]?harm\w*|harm(?:ing)? (?:my|him|her|them)sel(?:f|ves)|hurt(?:ing)? (?:my|him|her|them)sel(?:f|ves))\b/,
  /\bcut(?:ting)? (?:my|him|her|them)sel(?:f|ves)\b/,
  /\boverdos\w*/,
  /\b(?:want|wants|wanted|wanting) to die\b/,
  /\bbetter off (?:dead|without me|without (?:him|her|them))\b/,
  /\b(?:no|not any|n't see any) (?:point|reason) (?:in )?(?:living|going on|being here|to live)\b/,
  /\bcan'?t go on\b/,
  /\bdon'?t want to (?:be here|live|wake up|exist) ?(?:any ?more)?\b/,
  /\b(?:not|never) wak(?:e|ing) up\b/,
  /\bjump(?:ing)? (?:off|in front of)\b/,
  /\bhang(?:ing)? (?:my|him|her|them)sel(?:f|ves)\b/,
  /\bplan(?:s|ning)? to die\b/,
];

/** True when the text contains self-harm or suicide language and urgent-support signposting must come first. */
export function needsUrgentSupport(text: string): boolean {
  const normalised = text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ');
  return URGENT_PATTERNS.some((pattern) => pattern.test(normalised));
}
