import type { Circle } from '../circles/circle';
import type { FacilitatorProfile } from '../circles/ports';

/** One trained facilitator in the network directory. */
export interface DirectoryEntry {
  userId: string;
  name: string;
  organisationName: string;
  odsCode: string | undefined;
  region: string;
  /** Theme ids (or "other") of the circles they have run or have scheduled, sorted. */
  themes: string[];
  /** Circles they ran (not cancelled, started by `now`). */
  circlesRun: number;
}

/**
 * The facilitator network as a directory: each registered facilitator with the themes they run and how many
 * circles they have run by `now`, filtered by `query` (any of name, organisation, ODS code or region, ignoring
 * case), sorted by name.
 */
export function facilitatorDirectory(
  facilitators: readonly FacilitatorProfile[],
  circles: readonly Circle[],
  query: string | undefined,
  now: Date,
): DirectoryEntry[] {
  const needle = query?.trim().toLowerCase() ?? '';
  return facilitators
    .filter((profile) =>
      needle === ''
        ? true
        : [profile.name, profile.organisationName, profile.odsCode ?? '', profile.region].some((field) =>
            field.toLowerCase().includes(needle),
          ),
    )
    .map((profile) => {
      const theirs = circles.filter(
        (circle) => circle.facilitatorId === profile.userId && circle.status !== 'cancelled',
      );
      return {
        userId: profile.userId,
        name: profile.name,
        organisationName: profile.organisationName,
        odsCode: profile.odsCode,
        region: profile.region,
        themes: [...new Set(theirs.map((circle) => circle.themeId ?? 'other'))].sort(),
        circlesRun: theirs.filter((circle) => Date.parse(circle.startsAt) <= now.getTime()).length,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}
