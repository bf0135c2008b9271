import { z } from 'zod';
import { isTimeZone } from './planner';
import { WEEKDAYS, type NudgeSettings } from './ports';

/** What PUT /api/me/nudges accepts: every field, validated (a real IANA time zone, a 24-hour "HH:MM"). */
export const NudgeSettingsSchema: z.ZodType<NudgeSettings> = z
  .object({
    enabled: z.boolean(),
    day: z.enum(WEEKDAYS),
    time: z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time such as 09:00'),
    timeZone: z.string().min(1).max(64).refine(isTimeZone, 'must be an IANA time zone such as Europe/London'),
  })
  .strict();

/** A day and time as people read it: "Monday at 09:00 (Europe/London)". */
export function describeSchedule(settings: NudgeSettings): string {
  const day = settings.day.charAt(0).toUpperCase() + settings.day.slice(1);
  return `${day} at ${settings.time} (${settings.timeZone})`;
}
