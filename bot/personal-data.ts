import { randomUUID } from 'node:crypto';
import { ErrorCodes } from '../core/errors';
import { pseudonymiser } from '../core/privacy';
import type { AuditEvent } from '../core/audit/ports';
import type { ErasureCounts, PersonalDataExport, Stores, Telemetry } from '../core/ports';
import type { CircleNotices } from './circle-notices';
import type { NudgeSettings, PlannedNudge } from '../core/nudges/ports';

/** GET /api/me/data's answer: what the stores hold about the caller, and what is deliberately not linkable. */
export interface PersonalDataReport extends PersonalDataExport {
  /** The organisation and region the person gave in Settings. */
  profile: { organisationName: string; odsCode: string | null; region: string } | null;
  exportedAt: string;
  /** Audit rows where they acted or were acted on (ids, actions and times only). */
  auditEvents: AuditEvent[];
  /** Their nudge settings (null when never chosen) and the guide planned for each week they were nudged. */
  nudges: { settings: NudgeSettings | null; history: PlannedNudge[] };
  /** Kept without anyone's identity, so nothing here can be found again for one person. */
  notLinkedToYou: string[];
}

/** What an erasure did, by kind (no identity). */
export interface ErasureReport extends ErasureCounts {
  /** Audit-log ids (as actor or subject) replaced by the pseudonym. */
  auditIdsPseudonymised: number;
  /** Places on upcoming circles given up (the first person waiting moved up). */
  placesGivenUp: number;
  /** The Settings profile (organisation and region), 1 when there was one. */
  profilesDeleted: number;
}

/** Why nothing about a person is exported for these, although the service keeps them. */
const NOT_LINKED = [
  'Questions the bot could not answer are kept with the day only, never with who asked.',
  '"Was this helpful?" votes on guides are counted without anyone\'s identity.',
  'Answers to "How was it?" about circles are kept with the circle and the day only, never with who answered.',
];

/**
 * UK GDPR rights of access and erasure over every store, for the tab API and Teams' deleteUserData activity alike.
 * Erasure first gives up the person's places on upcoming circles through the ordinary cancellation (the waiting
 * list moves up and the promoted person is told), then erases or pseudonymises the rest in one transaction.
 * Repeating an erasure is harmless and finishes one that was interrupted.
 */
export class PersonalDataService {
  constructor(
    private readonly stores: Stores,
    private readonly notices: CircleNotices,
    private readonly telemetry: Telemetry,
    private readonly now: () => Date,
    private readonly randomId: () => string = randomUUID,
  ) {}

  /** Everything held about `userId` (a verified Entra object id). */
  async exportFor(userId: string): Promise<PersonalDataReport> {
    const exported = await this.stores.personalData.exportFor(userId);
    const auditEvents = await this.stores.audit.involving(userId);
    await this.stores.audit.record({
      actorId: userId,
      action: 'personalData.export',
      circleId: undefined,
      subjectId: userId,
      at: this.now(),
    });
    this.telemetry.event('privacy.export', { bookings: exported.bookings.length });
    const profile = await this.stores.profiles.get(userId);
    const nudges = {
      settings: (await this.stores.nudges.get(userId)) ?? null,
      history: await this.stores.nudges.history(userId),
    };
    return {
      ...exported,
      auditEvents,
      profile: profile
        ? {
            organisationName: profile.organisationName,
            odsCode: profile.odsCode ?? null,
            region: profile.region,
          }
        : null,
      nudges,
      exportedAt: this.now().toISOString(),
      notLinkedToYou: NOT_LINKED,
    };
  }

  /** Erases `userId` (a verified Entra object id) from every store. */
  async erase(userId: string): Promise<ErasureReport> {
    const now = this.now();
    let placesGivenUp = 0;
    for (const booking of await this.stores.circles.bookingsOf(userId)) {
      const cancelled = await this.stores.circles.cancel(booking.circleId, userId, now);
      if (!cancelled.ok) {
        // A circle that has started keeps its booking, pseudonymised below; anything else is a real surprise.
        if (cancelled.code !== ErrorCodes.CIRCLE_STARTED && cancelled.code !== ErrorCodes.NOT_BOOKED) {
          throw new Error(`Erasure could not give up a place: ${cancelled.code}`);
        }
        continue;
      }
      placesGivenUp += 1;
      const promoted = cancelled.value.promoted;
      if (promoted) await this.notices.sendBooked(booking.circleId, promoted.userId, 'promoted');
      await this.notices.bookingsChanged(booking.circleId);
    }
    const pseudonym = pseudonymiser(this.randomId)(userId);
    const counts = await this.stores.personalData.erase(userId, pseudonym, now);
    const profilesDeleted = (await this.stores.profiles.remove(userId)) ? 1 : 0;
    // The audit log keeps what happened but not who: their id becomes the same pseudonym. If this step is
    // interrupted, repeating the erasure finishes it (with a fresh pseudonym for the rows still carrying the id).
    const auditIdsPseudonymised = await this.stores.audit.pseudonymise(userId, pseudonym);
    // The erasure itself is recorded under the pseudonym: the erased person's id is never written back.
    await this.stores.audit.record({
      actorId: pseudonym,
      action: 'personalData.erase',
      circleId: undefined,
      subjectId: pseudonym,
      at: now,
    });
    await this.stores.nudges.forget(userId);
    this.telemetry.event('privacy.erase', {
      placesGivenUp,
      bookingsPseudonymised: counts.bookingsPseudonymised,
    });
    return { ...counts, placesGivenUp, auditIdsPseudonymised, profilesDeleted };
  }
}
