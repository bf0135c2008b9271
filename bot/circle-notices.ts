import { seatsLeft, type Booking } from '../core/circles/bookings';
import type { Circle } from '../core/circles/circle';
import type { CircleStore, FacilitatorStore } from '../core/circles/ports';
import type { ContentLibrary } from '../core/content/model';
import { circlePersonalCard, type CircleSummary } from './cards/circle-cards';
import type { AdaptiveCard } from './cards/types';

/**
 * Queues a person's private booking card in the outbox (built when it is sent); false when the bot has no 1:1
 * chat with them.
 */
export type QueueBookingNotice = (
  circleId: string,
  userAadObjectId: string,
  reason: 'confirmed' | 'promoted',
) => Promise<boolean>;

/**
 * Builds circle summaries and sends the private "you're booked" card (join link, calendar file, cancel) to a
 * person 1:1: after a sign-up made outside their 1:1 chat, and when a freed place promotes them.
 */
export class CircleNotices {
  constructor(
    private readonly circles: CircleStore,
    private readonly facilitators: FacilitatorStore,
    private readonly library: () => ContentLibrary,
    private readonly calendarUrl: (circle: Circle, booking: Booking) => string | undefined,
    private readonly queue: QueueBookingNotice,
    private readonly changed: (circleId: string) => Promise<void> = () => Promise.resolve(),
  ) {}

  /** Tells posted invite cards that a circle's bookings changed. */
  bookingsChanged(circleId: string): Promise<void> {
    return this.changed(circleId);
  }

  /** What a circle card shows. */
  async summaryOf(circle: Circle): Promise<CircleSummary> {
    const facilitator = await this.facilitators.get(circle.facilitatorId);
    const theme = this.library().themes.find((candidate) => candidate.id === circle.themeId);
    return {
      circle,
      topic: theme?.title ?? circle.extraTopic ?? 'Leadership Support Circle',
      facilitatorName: facilitator?.name ?? 'A trained facilitator',
      seatsLeft: seatsLeft(circle, await this.circles.bookings(circle.id)),
    };
  }

  /** Queues a confirmed person's private booking card; false when they cannot be reached 1:1. */
  sendBooked(circleId: string, userId: string, reason: 'confirmed' | 'promoted'): Promise<boolean> {
    return this.queue(circleId, userId, reason);
  }

  /** The private "you're booked" card as it is now (built at send time by the outbox worker). */
  async bookedCard(
    circleId: string,
    userId: string,
    reason: 'confirmed' | 'promoted',
  ): Promise<AdaptiveCard | undefined> {
    const circle = await this.circles.get(circleId);
    if (!circle) return undefined;
    const booking = (await this.circles.bookings(circleId)).find((candidate) => candidate.userId === userId);
    return circlePersonalCard(await this.summaryOf(circle), {
      kind: 'booked',
      joinUrl: circle.meetingUrl,
      calendarUrl: booking ? this.calendarUrl(circle, booking) : undefined,
      ...(reason === 'promoted' ? { promoted: true } : {}),
    });
  }
}
