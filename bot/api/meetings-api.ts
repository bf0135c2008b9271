import type { Request, Response } from 'restify';
import { ErrorCodes, fail } from '../../core/errors';
import type { OnlineMeetings } from '../../core/meetings/ports';
import type { Telemetry } from '../../core/ports';
import { scheduleProblem } from '../../core/time';
import { BODY_LIMITS, readJsonBody, validate } from '../http/body';
import { sendFailure } from '../http/responses';
import { CreateMeetingBodySchema } from './meetings-schemas';
import type { TabApi } from './tab-api';

/**
 * "Create the Teams meeting for me": a facilitator (or admin) gets a Teams meeting created as their own, through
 * the OnlineMeetings port, and the tab puts its join link on the circle. Pasting a link stays the fallback.
 */
export class MeetingsApi {
  constructor(
    private readonly tabApi: TabApi,
    /** Undefined when the service is not configured to create meetings (answers 503 MEETINGS_UNAVAILABLE). */
    private readonly meetings: OnlineMeetings | undefined,
    private readonly telemetry: Telemetry,
    private readonly now: () => Date,
  ) {}

  /** POST /api/meetings {"subject","startsAt","durationMinutes"} (facilitators and admins) → 201 {"joinUrl"}. */
  async create(req: Request, res: Response): Promise<void> {
    const who = await this.tabApi.authorise(
      req,
      res,
      ['facilitator', 'admin'],
      'Only facilitators and programme leads can create circle meetings.',
    );
    if (!who) return;
    if (!this.meetings) {
      return sendFailure(
        res,
        fail(
          ErrorCodes.MEETINGS_UNAVAILABLE,
          'This service is not set up to create Teams meetings; paste a meeting link instead.',
        ),
      );
    }
    const body = await readJsonBody(req, BODY_LIMITS.api);
    if (!body.ok) return sendFailure(res, body);
    const input = validate(CreateMeetingBodySchema, body.value);
    if (!input.ok) return sendFailure(res, input, input.problems);
    const startsAt = new Date(input.value.startsAt);
    const problem = scheduleProblem(startsAt, this.now());
    if (problem) return sendFailure(res, fail(ErrorCodes.VALIDATION_FAILED, problem));
    // The verified bearer token is the assertion for the on-behalf-of exchange (authorise checked it just now).
    const assertion = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    const created = await this.meetings.create(assertion, {
      subject: input.value.subject,
      startsAt,
      endsAt: new Date(startsAt.getTime() + input.value.durationMinutes * 60_000),
    });
    this.telemetry.event('meetings.create', {
      ok: created.ok,
      ...(created.ok ? {} : { code: created.code }),
    });
    if (!created.ok) return sendFailure(res, created);
    res.send(201, { joinUrl: created.value.joinUrl });
  }
}
