import { needsUrgentSupport } from '../safety';

/**
 * Extra urgent-support language found by the ask-quality evaluation and not yet in core/safety.ts (which this
 * branch may not change): past-tense and other forms of "thinking about jumping" and similar methods. It only
 * ever adds alarms to needsUrgentSupport, never removes any; fold it into core/safety.ts when that file is next
 * worked on.
 */
const EXTRA_URGENT_PATTERNS: readonly RegExp[] = [
  /\b(?:thought|thinks?|thinking|considered|considering|thoughts) (?:seriously )?(?:about|of) (?:jumping|stepping in front|walking in front|driving (?:into|off)|crashing (?:my|the) car|taking (?:an )?overdose|not being (?:here|alive|around)|not waking up)\b(?! (?:ship|at the chance|on board|in to help|into (?:the|a) (?:new|band|job|role)))/,
];

/** True when a message needs urgent-support signposting before anything else. */
export function isUrgent(text: string): boolean {
  if (needsUrgentSupport(text)) return true;
  const normalised = text
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/\s+/g, ' ');
  return EXTRA_URGENT_PATTERNS.some((pattern) => pattern.test(normalised));
}
