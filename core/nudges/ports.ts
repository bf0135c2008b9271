/**
 * Nudge preferences: whether a person wants the weekly three-minute guide, and when (their local day and time in
 * their IANA time zone). Keyed by the person's stored identity (their Entra object id, as bookings are).
 */

/** Days of the week, in ISO order (Monday is 1). */
export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;

/** One of WEEKDAYS. */
export type Weekday = (typeof WEEKDAYS)[number];

/** When and whether a person gets their weekly nudge. `time` is local "HH:MM" (24 hours). */
export interface NudgeSettings {
  enabled: boolean;
  day: Weekday;
  time: string;
  timeZone: string;
}

/** What a person who never chose gets: nudges off; if turned on, Monday 09:00 in Europe/London. */
export const DEFAULT_NUDGE_SETTINGS: Readonly<NudgeSettings> = Object.freeze({
  enabled: false,
  day: 'monday',
  time: '09:00',
  timeZone: 'Europe/London',
});

/** A person with nudges on, for the scheduler. */
export interface NudgeSubscriber {
  userId: string;
  settings: NudgeSettings;
}

/** One weekly nudge planned for a person: the ISO week (as in their time zone) and the guide chosen. */
export interface PlannedNudge {
  week: string;
  guideId: string;
}

/** Keeps nudge preferences and which guide each person was nudged with each week. */
export interface NudgeStore {
  /** The person's stored settings, or undefined when they never chose (DEFAULT_NUDGE_SETTINGS apply). */
  get(userId: string): Promise<NudgeSettings | undefined>;
  /** Stores the person's settings (inserting or replacing). */
  save(userId: string, settings: NudgeSettings, at: Date): Promise<void>;
  /** People with nudges on whose id sorts after `afterUserId` (paging), in id order, up to `limit`. */
  listEnabled(afterUserId: string | undefined, limit: number): Promise<NudgeSubscriber[]>;
  /** Every week's nudge planned for the person, oldest week first. */
  history(userId: string): Promise<PlannedNudge[]>;
  /**
   * Records the guide for a person's week; the first record for a week wins (several instances may plan at once).
   * Returns the guide stored for the week.
   */
  recordWeek(userId: string, week: string, guideId: string, at: Date): Promise<string>;
  /** Deletes everything held about the person's nudges (erasure); true when something was held. */
  forget(userId: string): Promise<boolean>;
}
