import type { nudgeRoutes } from '../../contract/nudges';
import type { ContentLibrary } from '../../core/content/model';
import { ErrorCodes, fail } from '../../core/errors';
import { DEFAULT_NUDGE_SETTINGS, type NudgeStore } from '../../core/nudges/ports';
import type { Telemetry } from '../../core/ports';
import { sendFailure } from '../http/responses';
import type { RouteContext } from '../http/route-table';
import type { Broadcasts } from '../nudges/broadcasts';
import type { NudgeScheduler } from '../nudges/scheduler';

type Routes = typeof nudgeRoutes;

/** A person's own nudge settings (the tab's Settings page). */
export class NudgesApi {
  constructor(
    private readonly nudges: NudgeStore,
    private readonly telemetry: Telemetry,
    private readonly now: () => Date,
  ) {}

  /** GET /api/me/nudges: the caller's settings, or the defaults (off) when they never chose. */
  async mine({ who, send }: RouteContext<Routes['mine']>): Promise<void> {
    send(200, (await this.nudges.get(who.caller.userId)) ?? { ...DEFAULT_NUDGE_SETTINGS });
  }

  /** PUT /api/me/nudges {enabled, day, time, timeZone}: stores them. */
  async saveMine({ who, body, send }: RouteContext<Routes['saveMine']>): Promise<void> {
    await this.nudges.save(who.caller.userId, body, this.now());
    this.telemetry.event('nudges.changed', { enabled: body.enabled, via: 'tab' });
    send(200, body);
  }
}

/** Broadcasts and this week's nudges, for programme leads (admins). */
export class AdminNudgesApi {
  constructor(
    private readonly broadcasts: Broadcasts,
    private readonly scheduler: NudgeScheduler,
    private readonly library: () => ContentLibrary,
    private readonly telemetry: Telemetry,
  ) {}

  /** POST /api/admin/broadcasts {"guideId"} → 202 {"id"}. */
  async send({ res, body, send }: RouteContext<Routes['broadcast']>): Promise<void> {
    const { guideId } = body;
    if (!this.library().guides.some((guide) => guide.id === guideId)) {
      return sendFailure(res, fail(ErrorCodes.NOT_FOUND, `There is no guide '${guideId}'.`));
    }
    const sent = await this.broadcasts.send(guideId);
    if (!sent.ok) return sendFailure(res, sent);
    send(202, { id: sent.value.id });
  }

  /** GET /api/admin/broadcasts/:id → {"id","total","sent","failed","retired","pending"}. */
  async report({ res, params, send }: RouteContext<Routes['broadcastReport']>): Promise<void> {
    const report = await this.broadcasts.report(params.id);
    if (!report) return sendFailure(res, fail(ErrorCodes.NOT_FOUND, 'There is no such broadcast.'));
    send(200, report);
  }

  /** POST /api/admin/broadcasts/:id/resend: failed recipients only → 202 {"id","requeued"}. */
  async resend({ res, params, send }: RouteContext<Routes['resendBroadcast']>): Promise<void> {
    if (!(await this.broadcasts.report(params.id))) {
      return sendFailure(res, fail(ErrorCodes.NOT_FOUND, 'There is no such broadcast.'));
    }
    send(202, { id: params.id, requeued: await this.broadcasts.resendFailed(params.id) });
  }

  /**
   * POST /api/admin/nudges/run: this week's nudge, now, for everyone with nudges on who has not had this week's
   * (still one per person per week); 200 {"queued","unreachable"}.
   */
  async runNudges({ send }: RouteContext<Routes['runNudges']>): Promise<void> {
    const run = await this.scheduler.runThisWeek();
    this.telemetry.event('nudges.runByAdmin', { ...run });
    send(200, run);
  }
}
