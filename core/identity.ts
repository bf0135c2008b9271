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
