import type { CircleFilter } from './ports';

/** How far back a facilitator's own list reaches by default, so attendance can still be marked. */
export const MINE_LOOKBACK_DAYS = 14;

/** The checked query of a circle list (times already ISO-8601). */
export interface CircleListQuery {
  themeId?: string;
  from?: string;
  to?: string;
  organisationId?: string;
  /** Only the circles the caller facilitates or co-facilitates. */
  mine: boolean;
  /** Every circle in any status, as `mine` but for everyone's (programme leads helping facilitators). */
  all?: boolean;
}

/**
 * The store filter for a circle list. Everyone's list holds upcoming scheduled circles (from now unless `from`
 * is given). A facilitator's own list (`mine`) holds the circles they run or co-facilitate, in any status, reaching back
 * MINE_LOOKBACK_DAYS unless `from` is given; `all` is the same reach over everyone's circles (for admins).
 */
export function circleListFilter(query: CircleListQuery, callerId: string, now: Date): CircleFilter {
  const lookback = query.mine || query.all ? MINE_LOOKBACK_DAYS * 86_400_000 : 0;
  return {
    themeId: query.themeId,
    from: query.from ?? new Date(now.getTime() - lookback).toISOString(),
    to: query.to,
    organisationId: query.organisationId,
    ...(query.mine ? { managedBy: callerId } : query.all ? {} : { status: 'scheduled' as const }),
  };
}
