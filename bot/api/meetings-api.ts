import type { networkRoutes } from '../../contract/network';
import { ErrorCodes, fail } from '../../core/errors';
import type { OnlineMeetings } from '../../core/meetings/ports';
import type { Telemetry } from '../../core/ports';
import { scheduleProblem } from '../../core/time';
import { sendFailure } from '../http/responses';
import type { RouteContext } from '../http/route-table';

/**
 * "Create the Teams meeting for me": a facilitator (or admin) gets a Teams meeting created as their own, through
 * the OnlineMeetings port, and the tab puts its join link on the circle. Pasting a link stays the fallback.
 */
export class MeetingsApi {
  constructor(
    /** Undefined when the service is not configured to create meetings (answers 503 MEETINGS_UNAVAILABLE). */
    private readonly meetings: OnlineMeetings | undefined,
    private readonly telemetry: Telemetry,
    private readonly now: () => Date,
  ) {}

  /** POST /api/meetings {"subject","startsAt","durationMinutes"} (facilitators and admins) → 201 {"joinUrl"}. */
  async create({ req, res, body, send }: RouteContext<typeof networkRoutes.createMeeting>): Promise<void> {
    if (!this.meetings) {
      return sendFailure(
        res,
        fail(
          ErrorCodes.MEETINGS_UNAVAILABLE,
          'This service is not set up to create Teams meetings; paste a meeting link instead.',
        ),
      );
    }
    const startsAt = new Date(body.startsAt);
    const problem = scheduleProblem(startsAt, this.now());
    if (problem) return sendFailure(res, fail(ErrorCodes.VALIDATION_FAILED, problem));
    // The verified bearer token is the assertion for the on-behalf-of exchange (authorise checked it just now).
    const assertion = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    const created = await this.meetings.create(assertion, {
      subject: body.subject,
      startsAt,
      endsAt: new Date(startsAt.getTime() + body.durationMinutes * 60_000),
    });
    this.telemetry.event('meetings.create', {
      ok: created.ok,
      ...(created.ok ? {} : { code: created.code }),
    });
    if (!created.ok) return sendFailure(res, created);
    send(201, { joinUrl: created.value.joinUrl });
  }
}
