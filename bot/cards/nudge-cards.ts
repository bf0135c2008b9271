import { describeSchedule } from '../../core/nudges/settings';
import type { NudgeSettings } from '../../core/nudges/ports';
import { card, heading, paragraph, sendCommand } from './building-blocks';
import type { CardLinks } from './cards';
import type { AdaptiveCard, CardAction } from './types';

/** What the person asked for in chat: nudges on, off, or just how they stand. */
export type NudgeChange = 'on' | 'off' | undefined;

/**
 * The answer to "nudges on", "nudges off", "stop" (and the "Stop nudges" button): what is now set, when the
 * weekly guide comes, and how to change it. `shared`: asked in a channel or group chat, where nothing changes.
 */
export function nudgeSettingsCard(
  settings: NudgeSettings,
  change: NudgeChange,
  links: CardLinks,
  shared = false,
): AdaptiveCard {
  const settingsLink = links.tab('settings');
  const changeIt: CardAction[] = settingsLink
    ? [{ type: 'Action.OpenUrl', title: 'Change day and time', url: settingsLink }]
    : [];
  if (shared) {
    return card(
      [
        heading('Nudges are personal'),
        paragraph(
          'Nudges come to you in a 1:1 chat with me, so I can only turn them on or off there. Open a chat with Leading Compassionately and type **nudges on**.',
        ),
      ],
      [],
      'Nudges are personal: type nudges on in a 1:1 chat with me.',
    );
  }
  if (!settings.enabled) {
    return card(
      [
        heading(change === 'off' ? 'Nudges are off' : 'Nudges are off at the moment'),
        paragraph(
          change === 'off'
            ? "I won't send you the weekly guide. Reminders before a circle you booked still come, so you don't miss it."
            : 'Turn them on and I will send you one three-minute guide a week, a different one each time, rotating through the ten-point plan.',
        ),
        paragraph(`When on, they come on ${describeSchedule(settings)}.`, { isSubtle: true }),
      ],
      [sendCommand('Turn nudges on', 'nudges on'), ...changeIt],
      change === 'off' ? 'Nudges are off.' : 'Nudges are off at the moment.',
    );
  }
  return card(
    [
      heading(change === 'on' ? 'Nudges are on' : 'Nudges are on at the moment'),
      paragraph(
        `Every week, on ${describeSchedule(settings)}, I will send you one three-minute guide you have not had before.`,
      ),
      paragraph('Type **stop** at any time to turn them off.', { isSubtle: true }),
    ],
    [sendCommand('Turn nudges off', 'nudges off'), ...changeIt],
    `Nudges are on: ${describeSchedule(settings)}.`,
  );
}
