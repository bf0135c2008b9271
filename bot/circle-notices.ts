import { seatsLeft } from '../core/circles/bookings';
import type { Circle } from '../core/circles/circle';
import type { CircleStore, FacilitatorStore } from '../core/circles/ports';
import type { ContentLibrary } from '../core/content/model';
import { circlePersonalCard, type CircleSummary } from './cards/circle-cards';
import type { AdaptiveCard } from './cards/types';

/** Sends a card to one person 1:1; false when they cannot be reached. */
export type SendToPerson = (
  userAadObjectId: string,
  content: AdaptiveCard,
  reason: string,
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
    private readonly calendarUrl: (circleId: string, userId: string) => string | undefined,
    private readonly send: SendToPerson,
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

  /** Sends a confirmed person their private booking card. */
  async sendBooked(circleId: string, userId: string, reason: 'confirmed' | 'promoted'): Promise<boolean> {
    const circle = await this.circles.get(circleId);
    if (!circle) return false;
    const card = circlePersonalCard(await this.summaryOf(circle), {
      kind: 'booked',
      joinUrl: circle.meetingUrl,
      calendarUrl: this.calendarUrl(circle.id, userId),
      ...(reason === 'promoted' ? { promoted: true } : {}),
    });
    return this.send(userId, card, `circle-${reason}`);
  }
}
