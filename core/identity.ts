/** The roles a person can hold. Everyone signed in is a manager; the others are granted. */
export const ROLES = ['manager', 'facilitator', 'admin'] as const;

/** A role a person can hold. */
export type Role = (typeof ROLES)[number];

/** Roles that are granted explicitly and stored (manager is implicit for everyone). */
export type GrantedRole = Exclude<Role, 'manager'>;

/** The verified identity of whoever is calling, derived only from a validated token. */
export interface Caller {
  /** Entra object id (oid claim), or a stable local id in local mode. */
  userId: string;
  tenantId: string;
  /** Display name from the token, used only to greet the person; never stored by the API. */
  name: string | undefined;
}

/** Works out the full set of roles for a person from stored grants and configured admins. */
export function effectiveRoles(
  userId: string,
  granted: readonly GrantedRole[],
  configuredAdmins: readonly string[],
): Role[] {
  const roles = new Set<Role>(['manager', ...granted]);
  if (configuredAdmins.includes(userId)) roles.add('admin');
  return ROLES.filter((role) => roles.has(role));
}

/** A Microsoft Entra object id: a GUID such as 8f1c2b3a-0d4e-4f5a-9b6c-7d8e9f0a1b2c. */
const ENTRA_OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether `id` can name a person in a role grant: a Microsoft Entra object id (GUID), or, only where local
 * identities are in use, a local user's id (`local-` and a GUID).
 */
export function isGrantableUserId(id: string, acceptLocalIds: boolean): boolean {
  if (ENTRA_OBJECT_ID.test(id)) return true;
  return acceptLocalIds && id.startsWith('local-') && ENTRA_OBJECT_ID.test(id.slice('local-'.length));
}

/**
 * Whether a person may manage a circle (edit, cancel, read its roster, mark attendance, post its invite): an
 * admin may manage any circle; otherwise they must hold the facilitator role now *and* run this circle, as its
 * facilitator or one of its co-facilitators (`coFacilitatorIds`, read from the store on each request; absent
 * means none). Roles come from the store on every request, so a revoked facilitator or co-facilitator is refused
 * from their next request.
 */
export function mayManageCircle(
  circle: { facilitatorId: string; coFacilitatorIds?: readonly string[] },
  userId: string,
  roles: readonly Role[],
): boolean {
  if (roles.includes('admin')) return true;
  if (!roles.includes('facilitator')) return false;
  return circle.facilitatorId === userId || (circle.coFacilitatorIds ?? []).includes(userId);
}

/**
 * Whether a person may choose a circle's co-facilitators: an admin, or the circle's own facilitator while they
 * hold the facilitator role (co-facilitators manage the circle but do not choose who else does).
 */
export function mayChooseCoFacilitators(
  circle: { facilitatorId: string },
  userId: string,
  roles: readonly Role[],
): boolean {
  if (roles.includes('admin')) return true;
  return roles.includes('facilitator') && circle.facilitatorId === userId;
}

/** The most co-facilitators a circle can have besides its facilitator. */
export const MAX_CO_FACILITATORS = 3;
