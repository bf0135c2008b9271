import type { Circle } from '../../core/circles/circle';
import type { Booking } from '../../core/circles/bookings';
import type { OutboxItem } from '../../core/outbox/ports';
import type { Stores, Telemetry } from '../../core/ports';
import type { CircleNotices } from '../circle-notices';
import { circleFeedbackCard, circleReminderCard, type ReminderLead } from '../cards/reminder-cards';
import type { CardBuilder } from '../outbox/worker';

/** The reminders before a circle: a day and an hour before it starts. */
export const REMINDER_LEADS: readonly { lead: ReminderLead; ms: number }[] = [
  { lead: '24h', ms: 24 * 3_600_000 },
  { lead: '1h', ms: 3_600_000 },
];

/** How long after a circle ends its feedback card is queued (time for the facilitator to mark attendance). */
export const FEEDBACK_DELAY_MS = 15 * 60_000;
/** Circles that ended longer ago than this get no feedback card (a service that was down does not nag late). */
export const FEEDBACK_WINDOW_MS = 48 * 3_600_000;

/** The outbox occurrence of a reminder: its lead and the start it is for, so a moved circle gets new ones. */
function occurrenceOf(lead: ReminderLead, circle: Circle): string {
  return `${lead}@${circle.startsAt}`;
}

function endOf(circle: Circle): number {
  return Date.parse(circle.startsAt) + circle.durationMinutes * 60_000;
}

/**
 * Reminders before a circle and the feedback card after it, through the outbox. `sync` makes a circle's pending
 * reminders match it: one per confirmed participant and the facilitator per lead still ahead, at the circle's
 * current start (an edit queues new ones and cancels the old; a cancelled circle, or a place given up, cancels
 * them). It runs after every change to a circle or its bookings, so it covers sign-ups, waitlist promotions,
 * cancellations, edits and erasure alike.
 */
export class CircleFollowUp {
  constructor(
    private readonly stores: Stores,
    private readonly notices: CircleNotices,
    /** The signed calendar link of one confirmed booking (links name the booking, so they die with it). */
    private readonly calendarUrl: (circle: Circle, booking: Booking) => string | undefined,
    private readonly now: () => Date,
    private readonly kick: () => void,
    private readonly telemetry: Telemetry,
  ) {}

  /** Makes the circle's pending reminders match the circle and its confirmed places. */
  async sync(circleId: string): Promise<void> {
    const circle = await this.stores.circles.get(circleId);
    if (!circle || circle.status !== 'scheduled') {
      await this.stores.outbox.cancel('circle-reminder', circleId);
      return;
    }
    const now = this.now().getTime();
    const people = new Set([
      circle.facilitatorId,
      ...(await this.stores.circles.bookings(circleId))
        .filter((booking) => booking.status === 'confirmed')
        .map((booking) => booking.userId),
    ]);
    const wanted: OutboxItem[] = [];
    for (const userId of people) {
      const conversation = await this.stores.conversations.findPersonal(userId);
      if (!conversation) continue;
      for (const { lead, ms } of REMINDER_LEADS) {
        const dueAt = Date.parse(circle.startsAt) - ms;
        if (dueAt <= now) continue;
        wanted.push({
          kind: 'circle-reminder',
          conversationId: conversation.conversationId,
          subject: circleId,
          occurrence: occurrenceOf(lead, circle),
          dueAt: new Date(dueAt),
          payload: { circleId, userId, lead },
        });
      }
    }
    const keyOf = (row: { conversationId: string; occurrence: string }) =>
      `${row.conversationId} ${row.occurrence}`;
    const keep = new Set(wanted.map(keyOf));
    const pending = await this.stores.outbox.list(
      { kind: 'circle-reminder', subject: circleId, status: 'pending' },
      10_000,
    );
    for (const row of pending) {
      if (!keep.has(keyOf(row))) {
        await this.stores.outbox.cancelFor('circle-reminder', circleId, row.conversationId, row.occurrence);
      }
    }
    if (wanted.length > 0) await this.stores.outbox.enqueue(wanted, { replace: true });
  }

  /**
   * Queues the feedback card for circles that ended (by FEEDBACK_DELAY_MS, within FEEDBACK_WINDOW_MS): to each
   * participant marked as attending, or to every confirmed participant when attendance was not marked. Once per
   * person per circle (the outbox key), however many instances tick.
   */
  async queueFeedback(now = this.now()): Promise<number> {
    const ended = await this.stores.circles.list({
      from: new Date(now.getTime() - FEEDBACK_WINDOW_MS - 24 * 3_600_000).toISOString(),
      to: now.toISOString(),
    });
    let queued = 0;
    for (const circle of ended) {
      if (circle.status === 'cancelled') continue;
      const end = endOf(circle);
      if (end + FEEDBACK_DELAY_MS > now.getTime() || end + FEEDBACK_WINDOW_MS < now.getTime()) continue;
      const attendance = await this.stores.circles.attendance(circle.id);
      const marked = [...attendance.values()].some((attended) => attended);
      const confirmed = (await this.stores.circles.bookings(circle.id)).filter(
        (booking) => booking.status === 'confirmed',
      );
      const recipients = confirmed
        .map((booking) => booking.userId)
        .filter((userId) => !marked || attendance.get(userId) === true);
      const items: OutboxItem[] = [];
      for (const userId of recipients) {
        const conversation = await this.stores.conversations.findPersonal(userId);
        if (!conversation) continue;
        items.push({
          kind: 'circle-feedback',
          conversationId: conversation.conversationId,
          subject: circle.id,
          occurrence: 'after',
          dueAt: now,
          payload: { circleId: circle.id },
        });
      }
      if (items.length > 0) queued += await this.stores.outbox.enqueue(items);
    }
    if (queued > 0) {
      this.telemetry.event('circles.feedbackQueued', { queued });
      this.kick();
    }
    return queued;
  }

  /** The outbox card builder for 'circle-reminder': the reminder as the circle is when sent. */
  readonly reminderBuilder: CardBuilder = async (row) => {
    const { circleId, userId, lead } = row.payload;
    if (typeof circleId !== 'string' || typeof userId !== 'string') return undefined;
    const circle = await this.stores.circles.get(circleId);
    if (!circle || circle.status !== 'scheduled') return undefined;
    // A participant's calendar link names their booking; the facilitator has none (they hold the meeting itself).
    const booking = (await this.stores.circles.bookings(circleId)).find(
      (candidate) => candidate.userId === userId && candidate.status === 'confirmed',
    );
    const card = circleReminderCard(
      await this.notices.summaryOf(circle),
      lead === '1h' ? '1h' : '24h',
      { joinUrl: circle.meetingUrl, calendarUrl: booking ? this.calendarUrl(circle, booking) : undefined },
      userId === circle.facilitatorId ? 'facilitator' : 'participant',
    );
    return { card };
  };

  /** The outbox card builder for 'circle-feedback'. */
  readonly feedbackBuilder: CardBuilder = async (row) => {
    const circle = await this.stores.circles.get(row.subject);
    if (!circle) return undefined;
    return { card: circleFeedbackCard(await this.notices.summaryOf(circle)) };
  };
}
