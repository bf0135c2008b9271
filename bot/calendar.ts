import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Circle } from '../core/circles/circle';

/** The parts of ical.js used here (its types are ESM-only, its CommonJS build is what Node loads). */
interface IcalComponent {
  addPropertyWithValue(name: string, value: unknown): { setParameter(name: string, value: string): void };
  addSubcomponent(component: IcalComponent): void;
  toString(): string;
}
interface IcalModule {
  Component: new (jcal: string | unknown[]) => IcalComponent;
  Time: { fromJSDate(date: Date, useUTC: boolean): unknown };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL = require('ical.js') as IcalModule;

const SECRET_FILE = 'calendar-link-secret';
/** How long after a circle ends its Add to calendar links keep working. */
export const CALENDAR_LINK_GRACE_MS = 24 * 3_600_000;

/** When a circle's calendar links stop working: a day after it ends. */
export function calendarLinkExpiry(circle: Pick<Circle, 'startsAt' | 'durationMinutes'>): number {
  return Date.parse(circle.startsAt) + circle.durationMinutes * 60_000 + CALENDAR_LINK_GRACE_MS;
}

/**
 * What a calendar link grants: the calendar file of one booking (one person's place, by its booking id, which is
 * new on every re-booking) on one circle, until it expires.
 */
export interface CalendarGrant {
  circleId: string;
  bookingId: string;
  expiresAt: number;
}

/**
 * Signs and checks "Add to calendar" links. A link works only for the booking it was made for (the service also
 * checks that booking is still a confirmed place and the circle has not long ended), because the file carries the
 * meeting link. A link from a place given up stays dead after the person books again (a new booking id).
 */
export class CalendarLinks {
  private constructor(private readonly secret: Buffer) {}

  /** Signs with the key from configuration, shared by every instance. */
  static withSecret(secret: Buffer): CalendarLinks {
    return new CalendarLinks(secret);
  }

  /** Loads the signing secret from DATA_DIR, creating it on first use (one instance, or local runs). */
  static open(dataDir: string): CalendarLinks {
    const file = path.join(dataDir, SECRET_FILE);
    if (!fs.existsSync(file)) {
      fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
      fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
    }
    return new CalendarLinks(Buffer.from(fs.readFileSync(file, 'utf8'), 'base64'));
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }

  /** A token for the link's query string. */
  token(grant: CalendarGrant): string {
    const payload = Buffer.from(JSON.stringify([grant.circleId, grant.bookingId, grant.expiresAt])).toString(
      'base64url',
    );
    return `${payload}.${this.sign(payload)}`;
  }

  /** The grant inside a token, or undefined when it is forged, malformed or expired. */
  verify(token: string, now: Date): CalendarGrant | undefined {
    const [payload, signature] = token.split('.');
    if (!payload || !signature || token.length > 1024) return undefined;
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
    if (!Array.isArray(parsed) || parsed.length !== 3) return undefined;
    const [circleId, bookingId, expiresAt] = parsed as unknown[];
    if (typeof circleId !== 'string' || typeof bookingId !== 'string' || typeof expiresAt !== 'number')
      return undefined;
    return expiresAt > now.getTime() ? { circleId, bookingId, expiresAt } : undefined;
  }
}

/** An iCalendar file for a booked circle: UTC times, the join link, and the facilitator as organiser. */
export function circleCalendar(circle: Circle, facilitator: { id: string; name: string }, now: Date): string {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.addPropertyWithValue('prodid', '-//Leading Compassionately//Circles//EN');
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('method', 'PUBLISH');
  const event = new ICAL.Component('vevent');
  const start = ICAL.Time.fromJSDate(new Date(circle.startsAt), true);
  const end = ICAL.Time.fromJSDate(
    new Date(Date.parse(circle.startsAt) + circle.durationMinutes * 60_000),
    true,
  );
  event.addPropertyWithValue('uid', `${circle.id}@leading-compassionately`);
  event.addPropertyWithValue('dtstamp', ICAL.Time.fromJSDate(now, true));
  event.addPropertyWithValue('dtstart', start);
  event.addPropertyWithValue('dtend', end);
  event.addPropertyWithValue('summary', `Leadership Support Circle: ${circle.title}`);
  event.addPropertyWithValue(
    'description',
    `Join on Teams: ${circle.meetingUrl}\n\nCircles are confidential: nothing said is attributed.`,
  );
  event.addPropertyWithValue('location', 'Microsoft Teams meeting');
  event.addPropertyWithValue('url', circle.meetingUrl);
  const organizer = event.addPropertyWithValue('organizer', `urn:uuid:${facilitator.id}`);
  organizer.setParameter('cn', facilitator.name);
  calendar.addSubcomponent(event);
  return calendar.toString();
}
