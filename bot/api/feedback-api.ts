import type { feedbackRoutes } from '../../contract/feedback';
import { giveCircleFeedback } from '../../core/feedback/circle-feedback';
import type { Stores, Telemetry } from '../../core/ports';
import { sendFailure } from '../http/responses';
import type { RouteContext } from '../http/route-table';

/**
 * Participants' feedback about circles. The caller's identity comes only from the verified token and is used to
 * check their place; the store receives a one-way key instead (see core/feedback/circle-feedback.ts).
 */
export class CircleFeedbackApi {
  constructor(
    private readonly stores: Stores,
    private readonly telemetry: Telemetry,
    private readonly now: () => Date,
    /** The one-way key of a person's feedback on a circle (bot/vote-keys.ts circleFeedbackKeyOf). */
    private readonly personKeyOf: (circleId: string, userId: string) => string,
  ) {}

  /** POST /api/circles/:id/feedback {"helpful","recommend","change"?}: a confirmed participant, once started. */
  async give({ res, who, params, body, send }: RouteContext<typeof feedbackRoutes.give>): Promise<void> {
    const { helpful, recommend, change } = body;
    const userId = who.caller.userId;
    const result = await giveCircleFeedback(
      this.stores,
      params.id,
      { userId, personKey: this.personKeyOf(params.id, userId) },
      { helpful, recommend, change: change === '' ? undefined : change },
      this.now(),
    );
    if (!result.ok) return sendFailure(res, result);
    this.telemetry.event('circles.feedback', { circleId: params.id, replaced: result.value === 'replaced' });
    if (result.value === 'added') send(201, { status: 'added' });
    else send(200, { status: 'replaced' });
  }
}
