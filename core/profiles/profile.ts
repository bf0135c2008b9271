import type { FacilitatorProfile } from '../circles/ports';

/** The regions a person can choose: NHS England's seven regions. */
export const REGIONS = [
  'East of England',
  'London',
  'Midlands',
  'North East and Yorkshire',
  'North West',
  'South East',
  'South West',
] as const;

/** One of the fixed regions. */
export type Region = (typeof REGIONS)[number];

/** Limits of a profile's fields. */
export const PROFILE_LIMITS = { organisationName: { max: 200 } } as const;

/**
 * What an NHS ODS code looks like: 3 to 6 capital letters or digits (trusts such as RXP or R1H, sites such as
 * RXP01, practices such as A81001, ICBs such as QHG). Checked by format only; the code is not looked up.
 */
export const ODS_CODE_PATTERN = /^[A-Z0-9]{3,6}$/;

/** A person's own statement of where they work: their organisation (and its ODS code, if known) and region. */
export interface ManagerProfile {
  userId: string;
  organisationName: string;
  odsCode: string | undefined;
  region: Region;
}

/** Keeps the organisation and region people give in Settings. */
export interface ProfileStore {
  get(userId: string): Promise<ManagerProfile | undefined>;
  /** Inserts or replaces the person's profile. */
  put(profile: ManagerProfile, at: Date): Promise<void>;
  /** Removes it (erasure); true when there was one. */
  remove(userId: string): Promise<boolean>;
  /** Profiles of the given people (for grouping impact by organisation and region). */
  getMany(userIds: readonly string[]): Promise<ManagerProfile[]>;
}

/** An organisation id as circles hold it: the ODS code where known, else the organisation's name. */
export function organisationIdOf(profile: { organisationName: string; odsCode: string | undefined }): string {
  return profile.odsCode ?? profile.organisationName;
}

/**
 * The organisation a person books as: their own Settings profile first, else their facilitator profile, else none
 * (organisation-only circles are then closed to them).
 */
export function bookingOrganisation(
  manager: ManagerProfile | undefined,
  facilitator: FacilitatorProfile | undefined,
): string | undefined {
  if (manager) return organisationIdOf(manager);
  return facilitator ? organisationIdOf(facilitator) : undefined;
}

/** Compares organisation ids as people type them: case, surrounding spaces and repeated spaces do not matter. */
export function sameOrganisation(a: string, b: string): boolean {
  const norm = (value: string) => value.trim().replace(/\s+/g, ' ').toLocaleUpperCase('en-GB');
  return norm(a) === norm(b);
}
