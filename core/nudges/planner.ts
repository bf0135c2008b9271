import type { NudgeSettings, PlannedNudge, Weekday } from './ports';
import { WEEKDAYS } from './ports';

/**
 * The nudge planner: pure functions of the settings, the history and `now` (never the system clock). Which
 * people are due, the ISO week that is their nudge's occurrence, and which guide each gets.
 */

/** How long after a person's chosen time their nudge is still sent (a service that was down catches up). */
export const NUDGE_GRACE_MS = 6 * 3_600_000;

/** A wall-clock reading in a time zone. `weekday` is ISO (Monday 1 … Sunday 7). */
export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when `timeZone` is an IANA zone name this runtime knows (such as Europe/London or America/New_York). */
export function isTimeZone(timeZone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{1,63}$/.test(timeZone)) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    // RangeError: not a zone this runtime knows.
    return false;
  }
}

/** The wall-clock time at `instant` in `timeZone`. */
export function localTimeAt(instant: Date, timeZone: string): LocalTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const year = parts.year ?? 0;
  const month = parts.month ?? 1;
  const day = parts.day ?? 1;
  const dayOfWeek = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return {
    year,
    month,
    day,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    weekday: dayOfWeek === 0 ? 7 : dayOfWeek,
  };
}

/** The instant a wall-clock time names in `timeZone` (in a daylight-saving gap, the instant just after it). */
export function instantOfLocal(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
): Date {
  const wanted = Date.UTC(year, month - 1, day, hour, minute);
  let guess = wanted;
  for (let round = 0; round < 3; round++) {
    const seen = localTimeAt(new Date(guess), timeZone);
    const seenAsUtc = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute);
    const drift = seenAsUtc - wanted;
    if (drift === 0) break;
    guess -= drift;
  }
  return new Date(guess);
}

/** The ISO week of a calendar date, such as "2026-W49". */
export function isoWeekOf(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() === 0 ? 7 : date.getUTCDay();
  // The week belongs to the year of its Thursday.
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const weekYear = date.getUTCFullYear();
  const firstDay = Date.UTC(weekYear, 0, 1);
  const week = Math.ceil(((date.getTime() - firstDay) / 86_400_000 + 1) / 7);
  return `${weekYear}-W${String(week).padStart(2, '0')}`;
}

/** A person's nudge slot in one week: when it is, and the ISO week it belongs to (its outbox occurrence). */
export interface NudgeSlot {
  week: string;
  at: Date;
}

function weekdayNumber(day: Weekday): number {
  return WEEKDAYS.indexOf(day) + 1;
}

/** The slot in the ISO week (in the person's zone) that contains `now`, `weeksBack` weeks earlier. */
export function slotOfWeek(settings: NudgeSettings, now: Date, weeksBack = 0): NudgeSlot {
  const local = localTimeAt(now, settings.timeZone);
  const [hour, minute] = settings.time.split(':').map(Number) as [number, number];
  const offsetDays = weekdayNumber(settings.day) - local.weekday - 7 * weeksBack;
  const date = new Date(Date.UTC(local.year, local.month - 1, local.day + offsetDays));
  const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  return {
    week: isoWeekOf(year, month, day),
    at: instantOfLocal(settings.timeZone, year, month, day, hour, minute),
  };
}

/**
 * The slot that is due at `now`, if any: the person's local day and time has passed, by no more than `graceMs`.
 * A person who turns nudges on after this week's time waits for next week.
 */
export function dueSlot(settings: NudgeSettings, now: Date, graceMs = NUDGE_GRACE_MS): NudgeSlot | undefined {
  if (!settings.enabled) return undefined;
  for (const weeksBack of [0, 1]) {
    const slot = slotOfWeek(settings, now, weeksBack);
    const since = now.getTime() - slot.at.getTime();
    if (since >= 0 && since < graceMs) return slot;
  }
  return undefined;
}

/** What the planner needs of the content: themes in plan order, and the guides (for this audience) per theme. */
export interface NudgeCatalogue {
  themeIds: readonly string[];
  guides: readonly { id: string; themeId: string }[];
}

/**
 * The guide for a person's next nudge: one they have not been nudged with before, rotating through the plan's
 * themes from the theme after their last nudge's (themes they chose first, when they chose any). Once every
 * guide has been sent, the one sent longest ago. Undefined only when there are no guides.
 */
export function chooseGuide(
  catalogue: NudgeCatalogue,
  history: readonly PlannedNudge[],
  chosenThemes: readonly string[] = [],
): string | undefined {
  const order = [
    ...chosenThemes.filter((id) => catalogue.themeIds.includes(id)),
    ...catalogue.themeIds.filter((id) => !chosenThemes.includes(id)),
  ];
  const sent = new Set(history.map((planned) => planned.guideId));
  const last = history.at(-1);
  const lastTheme = catalogue.guides.find((guide) => guide.id === last?.guideId)?.themeId;
  const start = lastTheme === undefined ? 0 : (order.indexOf(lastTheme) + 1) % Math.max(order.length, 1);
  for (let step = 0; step < order.length; step++) {
    const themeId = order[(start + step) % order.length];
    const fresh = catalogue.guides.find((guide) => guide.themeId === themeId && !sent.has(guide.id));
    if (fresh) return fresh.id;
  }
  // Every guide was sent: the one whose last nudge is oldest.
  const lastSent = new Map<string, number>();
  history.forEach((planned, index) => lastSent.set(planned.guideId, index));
  const [oldest] = [...catalogue.guides].sort(
    (a, b) => (lastSent.get(a.id) ?? -1) - (lastSent.get(b.id) ?? -1),
  );
  return oldest?.id;
}
