import type * as AdaptiveCards from 'adaptivecards';

// The UMD build: the package's lib/ is ESM that Jest's CommonJS runtime cannot load.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;

/** What the adaptivecards SDK and our own rules find wrong with a card. */
export function cardProblems(card: unknown): string[] {
  const problems: string[] = [];
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) {
    problems.push(`parse: ${context.getEventAt(i).message}`);
  }
  for (const event of parsed.validateProperties().validationEvents) {
    problems.push(`validate: ${event.message}`);
  }
  const size = Buffer.byteLength(JSON.stringify(card));
  if (size > 40 * 1024) problems.push(`size: ${size} bytes is over 40 KB`);
  walk(card, (node) => {
    if (node.type === 'Image' && !(typeof node.altText === 'string' && node.altText.trim())) {
      problems.push('image without alt text');
    }
    if (
      typeof node.type === 'string' &&
      node.type.startsWith('Action.') &&
      !(typeof node.title === 'string' && node.title.trim())
    ) {
      problems.push(`${node.type} without a title`);
    }
    if (node.type === 'TextBlock' && !(typeof node.text === 'string' && node.text.trim())) {
      problems.push('empty TextBlock');
    }
  });
  return problems;
}

function walk(value: unknown, visit: (node: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) {
    value.forEach((item) => walk(item, visit));
  } else if (value && typeof value === 'object') {
    visit(value as Record<string, unknown>);
    Object.values(value).forEach((child) => walk(child, visit));
  }
}
