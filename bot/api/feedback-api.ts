import type { Request, Response } from 'restify';
import { giveCircleFeedback } from '../../core/feedback/circle-feedback';
import type { Stores, Telemetry } from '../../core/ports';
import { BODY_LIMITS, readJsonBody, validate } from '../http/body';
import { sendFailure } from '../http/responses';
import { CircleFeedbackBodySchema, FeedbackCircleIdSchema } from './feedback-schemas';
import type { TabApi } from './tab-api';

/**
 * Participants' feedback about circles. The caller's identity comes only from the verified token and is used to
 * check their place; the store receives a one-way key instead (see core/feedback/circle-feedback.ts).
 */
export class CircleFeedbackApi {
  constructor(
    private readonly stores: Stores,
    private readonly tabApi: TabApi,
    private readonly telemetry: Telemetry,
    private readonly now: () => Date,
    /** The one-way key of a person's feedback on a circle (bot/vote-keys.ts circleFeedbackKeyOf). */
    private readonly personKeyOf: (circleId: string, userId: string) => string,
  ) {}

  /** POST /api/circles/:id/feedback {"helpful","recommend","change"?}: a confirmed participant, once started. */
  async give(req: Request, res: Response): Promise<void> {
    const who = await this.tabApi.signedIn(req, res);
    if (!who) return;
    const id = validate(FeedbackCircleIdSchema, (req.params as Record<string, unknown>).id);
    if (!id.ok) return sendFailure(res, id, id.problems);
    const body = await readJsonBody(req, BODY_LIMITS.api);
    if (!body.ok) return sendFailure(res, body);
    const input = validate(CircleFeedbackBodySchema, body.value);
    if (!input.ok) return sendFailure(res, input, input.problems);
    const { helpful, recommend, change } = input.value;
    const userId = who.caller.userId;
    const result = await giveCircleFeedback(
      this.stores,
      id.value,
      { userId, personKey: this.personKeyOf(id.value, userId) },
      { helpful, recommend, change: change === '' ? undefined : change },
      this.now(),
    );
    if (!result.ok) return sendFailure(res, result);
    this.telemetry.event('circles.feedback', { circleId: id.value, replaced: result.value === 'replaced' });
    res.send(result.value === 'added' ? 201 : 200, { status: result.value });
  }
}
