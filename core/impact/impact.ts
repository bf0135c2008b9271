import type { Booking } from '../circles/bookings';
import type { Circle } from '../circles/circle';
import type { FacilitatorProfile } from '../circles/ports';
import type { StoredCircleFeedback } from '../feedback/circle-feedback';
import type { CalendarDay } from '../privacy';
import { REGIONS } from '../profiles/profile';

/**
 * Evidence of impact for programme leads and facilitators, computed from store rows with time passed in. Pure:
 * the HTTP adapter reads the rows, this decides what is counted and what is suppressed.
 *
 * Small-number suppression: any count from 1 to 4 becomes the string "<5" (0 and 5 or more stay numbers), and a
 * group's mean and rate are left out unless at least 5 people answered, so nobody can be picked out.
 */

/** The smallest count shown as a number (other than 0). */
export const SUPPRESS_BELOW = 5;

/** A count as shown: the number, or "<5" for 1 to 4. */
export type ShownCount = number | '<5';

/** Shows a count with small-number suppression: 1 to 4 becomes "<5". */
export function suppress(count: number): ShownCount {
  return count > 0 && count < SUPPRESS_BELOW ? '<5' : count;
}

/** The counts of one group of circles (all of them, one theme, one region, one organisation). */
export interface ImpactCounts {
  circlesRun: ShownCount;
  seatsOffered: ShownCount;
  seatsFilled: ShownCount;
  attended: ShownCount;
  uniqueParticipants: ShownCount;
  returningParticipants: ShownCount;
  feedbackResponses: ShownCount;
  /** Mean "how helpful" (1-5, one decimal); absent when fewer than 5 answered. */
  helpfulMean?: number;
  /** Share who would recommend it (0-1, two decimals); absent when fewer than 5 answered. */
  recommendRate?: number;
}

/** Impact for a date range, as GET /api/admin/impact answers it. */
export interface ImpactReport {
  from: CalendarDay;
  to: CalendarDay;
  totals: ImpactCounts;
  byTheme: (ImpactCounts & { themeId: string })[];
  byRegion: (ImpactCounts & { region: string })[];
  byOrganisation: (ImpactCounts & { organisationId: string; organisationName: string })[];
  guides: { guideId: string; helpful: ShownCount; notHelpful: ShownCount }[];
  unansweredTopics: { topic: string; count: number }[];
}

/** The rows impact is computed from (read by the adapter; only circles, no names). */
export interface ImpactRows {
  /** Circles that may fall in the range (any status; the range and status are applied here). */
  circles: readonly Circle[];
  bookings: ReadonlyMap<string, readonly Booking[]>;
  attendance: ReadonlyMap<string, ReadonlyMap<string, boolean>>;
  feedback: readonly StoredCircleFeedback[];
  /** Facilitator profiles by user id: a circle's region and organisation are those of whoever runs it. */
  hosts: ReadonlyMap<string, FacilitatorProfile>;
  guides: readonly { guideId: string; helpful: number; notHelpful: number }[];
  unanswered: readonly { text: string; askedOn: CalendarDay }[];
}

/** Circles with no theme (a named extra topic) are grouped under this theme id. */
export const OTHER_TOPIC = 'other';
/** Circles whose facilitator's region or organisation is unknown are grouped under this. */
export const UNKNOWN = 'Unknown';

/** The day range of a report: `from` and `to` inclusive, as UTC instants [start, end). */
export function rangeOf(from: CalendarDay, to: CalendarDay): { start: Date; end: Date } {
  return {
    start: new Date(`${from}T00:00:00.000Z`),
    end: new Date(Date.parse(`${to}T00:00:00.000Z`) + 86_400_000),
  };
}

/** Whether a circle counts as run in the range at `now`: not cancelled, started, and started in the range. */
export function ranInRange(circle: Circle, range: { start: Date; end: Date }, now: Date): boolean {
  const start = Date.parse(circle.startsAt);
  return (
    circle.status !== 'cancelled' &&
    start <= now.getTime() &&
    start >= range.start.getTime() &&
    start < range.end.getTime()
  );
}

function countsOf(
  circles: readonly Circle[],
  rows: ImpactRows,
  feedbackByCircle: Map<string, StoredCircleFeedback[]>,
): ImpactCounts {
  let seatsOffered = 0;
  let seatsFilled = 0;
  let attended = 0;
  const placesPerPerson = new Map<string, number>();
  const answers: StoredCircleFeedback[] = [];
  for (const circle of circles) {
    seatsOffered += circle.capacity;
    const marks = rows.attendance.get(circle.id);
    for (const booking of rows.bookings.get(circle.id) ?? []) {
      if (booking.status !== 'confirmed') continue;
      seatsFilled += 1;
      if (marks?.get(booking.userId) === true) attended += 1;
      placesPerPerson.set(booking.userId, (placesPerPerson.get(booking.userId) ?? 0) + 1);
    }
    answers.push(...(feedbackByCircle.get(circle.id) ?? []));
  }
  const returning = [...placesPerPerson.values()].filter((places) => places >= 2).length;
  const counts: ImpactCounts = {
    circlesRun: suppress(circles.length),
    seatsOffered: suppress(seatsOffered),
    seatsFilled: suppress(seatsFilled),
    attended: suppress(attended),
    uniqueParticipants: suppress(placesPerPerson.size),
    returningParticipants: suppress(returning),
    feedbackResponses: suppress(answers.length),
  };
  if (answers.length >= SUPPRESS_BELOW) {
    const helpful = answers.reduce((sum, answer) => sum + answer.helpful, 0) / answers.length;
    const recommend = answers.filter((answer) => answer.recommend).length / answers.length;
    counts.helpfulMean = Math.round(helpful * 10) / 10;
    counts.recommendRate = Math.round(recommend * 100) / 100;
  }
  return counts;
}

function groupBy<K extends string>(
  circles: readonly Circle[],
  keyOf: (circle: Circle) => K,
): Map<K, Circle[]> {
  const groups = new Map<K, Circle[]>();
  for (const circle of circles) {
    const key = keyOf(circle);
    groups.set(key, [...(groups.get(key) ?? []), circle]);
  }
  return new Map([...groups.entries()].sort(([a], [b]) => a.localeCompare(b, 'en-GB')));
}

/** A facilitator's free-text region matched to the fixed list where it can be (case and spacing ignored). */
function regionOf(host: FacilitatorProfile | undefined): string {
  if (!host) return UNKNOWN;
  const typed = host.region.trim().replace(/\s+/g, ' ');
  return REGIONS.find((region) => region.toLowerCase() === typed.toLowerCase()) ?? (typed || UNKNOWN);
}

/** Words too common to be a topic. */
const STOP_WORDS = new Set(
  (
    'a about after all also am an and any are as at be because been but by can could do does doing for from get ' +
    'got had has have how i if in into is it its just me more my no not of on one or our out should so some ' +
    'that the their them then there they this to too up us was we what when where which who why will with ' +
    'would you your im dont ive cant'
  ).split(' '),
);

/**
 * Topics of unanswered questions: words (lower-cased, 3+ letters, common words left out) and how many questions in
 * the range used them. A word used in fewer than 5 questions is left out altogether, because a rare word could
 * itself identify who asked. Most used first, at most 20.
 */
export function unansweredTopics(
  questions: readonly { text: string; askedOn: CalendarDay }[],
  from: CalendarDay,
  to: CalendarDay,
): { topic: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const question of questions) {
    if (question.askedOn < from || question.askedOn > to) continue;
    const words = new Set(
      question.text
        .toLowerCase()
        .replace(/[’']/g, '')
        .split(/[^a-z]+/)
        .filter((word) => word.length >= 3 && !STOP_WORDS.has(word)),
    );
    for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts.entries()]
    .filter(([, count]) => count >= SUPPRESS_BELOW)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, 20)
    .map(([topic, count]) => ({ topic, count }));
}

/**
 * The impact report for the days `from`–`to` (inclusive) at `now`, with small-number suppression. Circles count
 * when they were not cancelled and started within the range (and before `now`). A circle's region and
 * organisation are those of its facilitator. Participants are people who held a confirmed place; returning
 * participants held places on two or more of the circles counted.
 */
export function computeImpact(rows: ImpactRows, from: CalendarDay, to: CalendarDay, now: Date): ImpactReport {
  const range = rangeOf(from, to);
  const run = rows.circles.filter((circle) => ranInRange(circle, range, now));
  const runIds = new Set(run.map((circle) => circle.id));
  const feedbackByCircle = new Map<string, StoredCircleFeedback[]>();
  for (const answer of rows.feedback) {
    if (!runIds.has(answer.circleId)) continue;
    feedbackByCircle.set(answer.circleId, [...(feedbackByCircle.get(answer.circleId) ?? []), answer]);
  }
  const counts = (circles: readonly Circle[]) => countsOf(circles, rows, feedbackByCircle);
  const host = (circle: Circle) => rows.hosts.get(circle.facilitatorId);
  return {
    from,
    to,
    totals: counts(run),
    byTheme: [...groupBy(run, (circle) => circle.themeId ?? OTHER_TOPIC)].map(([themeId, circles]) => ({
      themeId,
      ...counts(circles),
    })),
    byRegion: [...groupBy(run, (circle) => regionOf(host(circle)))].map(([region, circles]) => ({
      region,
      ...counts(circles),
    })),
    byOrganisation: [...groupBy(run, (circle) => circle.organisationId)].map(([organisationId, circles]) => ({
      organisationId,
      organisationName:
        circles.map(host).find((profile) => profile !== undefined)?.organisationName ?? UNKNOWN,
      ...counts(circles),
    })),
    guides: [...rows.guides]
      .sort((a, b) => a.guideId.localeCompare(b.guideId))
      .map((guide) => ({
        guideId: guide.guideId,
        helpful: suppress(guide.helpful),
        notHelpful: suppress(guide.notHelpful),
      })),
    unansweredTopics: unansweredTopics(rows.unanswered, from, to),
  };
}

/** The CSV columns, in order. */
export const IMPACT_CSV_COLUMNS = [
  'group',
  'key',
  'name',
  'circlesRun',
  'seatsOffered',
  'seatsFilled',
  'attended',
  'uniqueParticipants',
  'returningParticipants',
  'feedbackResponses',
  'helpfulMean',
  'recommendRate',
  'helpful',
  'notHelpful',
] as const;

/** One CSV cell: quoted when needed, and a leading =, +, - or @ neutralised so spreadsheets never run it. */
function cell(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The report as CSV (one row per group: total, theme, region, organisation, guide), with the same suppression. */
export function impactCsv(report: ImpactReport): string {
  const rows: (string | number | undefined)[][] = [[...IMPACT_CSV_COLUMNS]];
  const countCells = (counts: ImpactCounts) => [
    counts.circlesRun,
    counts.seatsOffered,
    counts.seatsFilled,
    counts.attended,
    counts.uniqueParticipants,
    counts.returningParticipants,
    counts.feedbackResponses,
    counts.helpfulMean,
    counts.recommendRate,
    undefined,
    undefined,
  ];
  rows.push(['total', `${report.from}..${report.to}`, 'All circles', ...countCells(report.totals)]);
  for (const group of report.byTheme)
    rows.push(['theme', group.themeId, group.themeId, ...countCells(group)]);
  for (const group of report.byRegion)
    rows.push(['region', group.region, group.region, ...countCells(group)]);
  for (const group of report.byOrganisation) {
    rows.push(['organisation', group.organisationId, group.organisationName, ...countCells(group)]);
  }
  for (const guide of report.guides) {
    rows.push([
      'guide',
      guide.guideId,
      guide.guideId,
      ...Array<undefined>(9).fill(undefined),
      guide.helpful,
      guide.notHelpful,
    ]);
  }
  return `${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
