import {
  chooseGuide,
  dueSlot,
  instantOfLocal,
  isoWeekOf,
  isTimeZone,
  slotOfWeek,
  type NudgeCatalogue,
} from '../../core/nudges/planner';
import type { NudgeSettings } from '../../core/nudges/ports';

const monday9London: NudgeSettings = {
  enabled: true,
  day: 'monday',
  time: '09:00',
  timeZone: 'Europe/London',
};

describe('the nudge planner (time passed in)', () => {
  it('names ISO weeks, with the year of the week’s Thursday', () => {
    expect(isoWeekOf(2026, 12, 3)).toBe('2026-W49');
    expect(isoWeekOf(2027, 1, 1)).toBe('2026-W53');
    expect(isoWeekOf(2025, 12, 29)).toBe('2026-W01');
  });

  it('finds the instant of a local time in summer and winter time', () => {
    expect(instantOfLocal('Europe/London', 2026, 12, 7, 9, 0).toISOString()).toBe('2026-12-07T09:00:00.000Z');
    expect(instantOfLocal('Europe/London', 2026, 6, 1, 9, 0).toISOString()).toBe('2026-06-01T08:00:00.000Z');
    expect(instantOfLocal('America/New_York', 2026, 12, 7, 9, 0).toISOString()).toBe(
      '2026-12-07T14:00:00.000Z',
    );
    expect(instantOfLocal('Asia/Kolkata', 2026, 12, 7, 9, 0).toISOString()).toBe('2026-12-07T03:30:00.000Z');
  });

  it('knows IANA zones and refuses anything else', () => {
    expect(['Europe/London', 'America/Argentina/Buenos_Aires', 'UTC'].every(isTimeZone)).toBe(true);
    expect(['Mars/Base', 'GMT+25', '', '../etc/passwd', 'Europe/London; DROP'].some(isTimeZone)).toBe(false);
  });

  it('is due from the chosen local day and time for the grace period, once per ISO week', () => {
    const at = (iso: string) => dueSlot(monday9London, new Date(iso));
    expect(at('2026-12-07T08:59:00Z')).toBeUndefined();
    expect(at('2026-12-07T09:00:00Z')).toEqual({ week: '2026-W50', at: new Date('2026-12-07T09:00:00Z') });
    expect(at('2026-12-07T14:59:00Z')?.week).toBe('2026-W50');
    expect(at('2026-12-07T15:00:00Z')).toBeUndefined();
    expect(at('2026-12-10T09:00:00Z')).toBeUndefined();
    expect(dueSlot({ ...monday9London, enabled: false }, new Date('2026-12-07T09:00:00Z'))).toBeUndefined();
  });

  it('reads the day and time in the person’s zone, across the week boundary', () => {
    const sundayLateTokyo: NudgeSettings = {
      enabled: true,
      day: 'sunday',
      time: '23:30',
      timeZone: 'Asia/Tokyo',
    };
    // Sunday 23:30 in Tokyo is Sunday 14:30 UTC; forty minutes later it is Monday in Tokyo.
    expect(dueSlot(sundayLateTokyo, new Date('2026-12-13T15:10:00Z'))).toEqual({
      week: '2026-W50',
      at: new Date('2026-12-13T14:30:00Z'),
    });
    const mondayNewYork: NudgeSettings = { ...monday9London, timeZone: 'America/New_York' };
    expect(dueSlot(mondayNewYork, new Date('2026-12-07T09:30:00Z'))).toBeUndefined();
    expect(dueSlot(mondayNewYork, new Date('2026-12-07T14:00:00Z'))?.week).toBe('2026-W50');
    expect(slotOfWeek(mondayNewYork, new Date('2026-12-09T12:00:00Z')).at).toEqual(
      new Date('2026-12-07T14:00:00Z'),
    );
  });

  const catalogue: NudgeCatalogue = {
    themeIds: ['t1', 't2', 't3'],
    guides: [
      { id: 'a1', themeId: 't1' },
      { id: 'a2', themeId: 't1' },
      { id: 'b1', themeId: 't2' },
      { id: 'c1', themeId: 't3' },
    ],
  };
  const sent = (...guideIds: string[]) =>
    guideIds.map((guideId, index) => ({ week: `2026-W${10 + index}`, guideId }));

  it('rotates through the plan’s themes, never repeating a guide until every one was sent', () => {
    const order: string[] = [];
    for (let week = 0; week < 4; week++) {
      const next = chooseGuide(catalogue, sent(...order));
      if (next) order.push(next);
    }
    expect(order).toEqual(['a1', 'b1', 'c1', 'a2']);
    expect(new Set(order).size).toBe(4);
    // Everything sent: the one sent longest ago comes round again.
    expect(chooseGuide(catalogue, sent(...order))).toBe('a1');
  });

  it('starts from themes the person chose, when they chose any', () => {
    expect(chooseGuide(catalogue, [], ['t3'])).toBe('c1');
    expect(chooseGuide(catalogue, sent('c1'), ['t3'])).toBe('a1');
  });

  it('has nothing to send when there are no guides', () => {
    expect(chooseGuide({ themeIds: ['t1'], guides: [] }, [])).toBeUndefined();
  });
});
