import type { Outcome } from '../errors';

/** What a facilitator asks for when the service creates a Teams meeting for a circle. */
export interface OnlineMeetingRequest {
  subject: string;
  startsAt: Date;
  endsAt: Date;
}

/** A meeting created on a facilitator's behalf: the join link participants use. */
export interface CreatedOnlineMeeting {
  joinUrl: string;
}

/**
 * Creates Teams online meetings on a person's behalf. `userAssertion` is the person's own verified sign-in token
 * (the tab's SSO token), exchanged by the implementation for delegated access: the meeting belongs to them.
 * Expected failures come back as values: MEETING_CONSENT_REQUIRED when the person (or their admin) has not
 * consented to the delegated permission, MEETING_NOT_CREATED when the service could not create it.
 */
export interface OnlineMeetings {
  create(userAssertion: string, request: OnlineMeetingRequest): Promise<Outcome<CreatedOnlineMeeting>>;
}
