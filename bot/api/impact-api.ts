import type { Response } from 'restify';
import { IMPACT_MAX_DAYS, type networkRoutes } from '../../contract/network';
import type { Booking } from '../../core/circles/bookings';
import type { FacilitatorProfile } from '../../core/circles/ports';
import { ErrorCodes, fail, succeed, type Outcome } from '../../core/errors';
import {
  computeImpact,
  impactCsv,
  rangeOf,
  type ImpactReport,
  type ImpactRows,
} from '../../core/impact/impact';
import type { Stores, Telemetry } from '../../core/ports';
import { dayOf } from '../../core/privacy';
import { sendFailure } from '../http/responses';
import type { RouteContext } from '../http/route-table';

type Routes = typeof networkRoutes;

/** How many unanswered questions a report reads at most (topics are counted over these). */
const UNANSWERED_READ_LIMIT = 10_000;

/**
 * Impact reports: programme leads see every circle, facilitators their own. Counts only, with small-number
 * suppression (core/impact/impact.ts); no names, ids of people or free text leave this route.
 */
export class ImpactApi {
  constructor(
    private readonly stores: Stores,
    private readonly telemetry: Telemetry,
    private readonly now: () => Date,
  ) {}

  /** The checked day range: defaults to the 365 days ending today. */
  private range(query: { from?: string; to?: string }): Outcome<{ from: string; to: string }> {
    const to = query.to ?? dayOf(this.now());
    const from = query.from ?? dayOf(new Date(Date.parse(`${to}T00:00:00Z`) - 364 * 86_400_000));
    const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
    if (days < 0) return fail(ErrorCodes.VALIDATION_FAILED, 'from must be on or before to');
    if (days >= IMPACT_MAX_DAYS) {
      return fail(ErrorCodes.VALIDATION_FAILED, `the range can cover at most ${IMPACT_MAX_DAYS} days`);
    }
    return succeed({ from, to });
  }

  private async report(from: string, to: string, facilitatorId: string | undefined): Promise<ImpactReport> {
    const { start, end } = rangeOf(from, to);
    const circles = await this.stores.circles.list({
      from: start.toISOString(),
      to: end.toISOString(),
      ...(facilitatorId === undefined ? {} : { facilitatorId }),
    });
    const bookings = new Map<string, Booking[]>();
    const attendance = new Map<string, Map<string, boolean>>();
    const hosts = new Map<string, FacilitatorProfile>();
    for (const circle of circles) {
      bookings.set(circle.id, await this.stores.circles.bookings(circle.id));
      attendance.set(circle.id, await this.stores.circles.attendance(circle.id));
      if (!hosts.has(circle.facilitatorId)) {
        const host = await this.stores.facilitators.get(circle.facilitatorId);
        if (host) hosts.set(circle.facilitatorId, host);
      }
    }
    const everything = facilitatorId === undefined;
    const rows: ImpactRows = {
      circles,
      bookings,
      attendance,
      hosts,
      feedback: await this.stores.circleFeedback.answersFor(circles.map((circle) => circle.id)),
      guides: everything ? await this.stores.feedback.guideFeedback() : [],
      unanswered: everything ? await this.stores.unanswered.list(UNANSWERED_READ_LIMIT) : [],
    };
    return computeImpact(rows, from, to, this.now());
  }

  private async adminReport(
    res: Response,
    query: { from?: string; to?: string },
  ): Promise<ImpactReport | undefined> {
    const range = this.range(query);
    if (!range.ok) {
      sendFailure(res, range);
      return undefined;
    }
    return this.report(range.value.from, range.value.to, undefined);
  }

  /** GET /api/admin/impact?from=&to= (admins). */
  async adminJson({ res, query, send }: RouteContext<Routes['adminImpact']>): Promise<void> {
    const report = await this.adminReport(res, query);
    if (!report) return;
    this.telemetry.event('impact.viewed', { scope: 'all', format: 'json' });
    send(200, report);
  }

  /** GET /api/admin/impact.csv?from=&to= (admins): one row per group, the same suppression. */
  async adminCsv({ res, query }: RouteContext<Routes['adminImpactCsv']>): Promise<void> {
    const report = await this.adminReport(res, query);
    if (!report) return;
    this.telemetry.event('impact.viewed', { scope: 'all', format: 'csv' });
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="impact-${report.from}-to-${report.to}.csv"`,
      'cache-control': 'private, no-store',
    });
    res.end(impactCsv(report));
  }

  /** GET /api/facilitator/impact?from=&to= (facilitators and admins): the caller's own circles only. */
  async facilitatorJson({ res, who, query, send }: RouteContext<Routes['facilitatorImpact']>): Promise<void> {
    const range = this.range(query);
    if (!range.ok) return sendFailure(res, range);
    this.telemetry.event('impact.viewed', { scope: 'own', format: 'json' });
    send(200, await this.report(range.value.from, range.value.to, who.caller.userId));
  }
}
