import type { Request, Response } from 'restify';
import type { identityRoutes } from '../../contract/identity';
import { ErrorCodes, fail } from '../../core/errors';
import { effectiveRoles, type Caller, type GrantedRole, type Role } from '../../core/identity';
import type { Stores } from '../../core/ports';
import { localUserId, type LocalIssuer } from '../auth/local-issuer';
import type { TokenVerifier } from '../auth/tab-tokens';
import { allowedOrRefused, sendFailure } from '../http/responses';
import type { RouteContext } from '../http/route-table';
import type { RateLimiter } from '../../core/rate-limit';

type Routes = typeof identityRoutes;

/** What the tab API routes need. */
export interface TabApiDependencies {
  stores: Stores;
  verifier: TokenVerifier;
  adminObjectIds: readonly string[];
  now: () => Date;
  /** The per-person request budget on the tab API (none: unlimited). */
  limiter?: RateLimiter;
}

/** A verified caller with the roles they hold. */
export interface SignedIn {
  caller: Caller;
  roles: Role[];
}

/** The tab's JSON API under /api: every route verifies the bearer token first. */
export class TabApi {
  constructor(private readonly deps: TabApiDependencies) {}

  /** Verifies the caller's token; on failure the error response is already sent. */
  async authenticate(req: Request, res: Response): Promise<Caller | undefined> {
    const result = await this.deps.verifier.verify(req.headers.authorization);
    if (!result.ok) {
      sendFailure(res, result);
      return undefined;
    }
    if (!allowedOrRefused(this.deps.limiter, `person:${result.value.userId}`, this.deps.now(), res)) {
      return undefined;
    }
    return result.value;
  }

  /** The caller's roles: granted ones from the store plus configured admins. */
  async rolesOf(caller: Caller): Promise<Role[]> {
    const granted = await this.deps.stores.roles.rolesOf(caller.userId);
    return effectiveRoles(caller.userId, granted, this.deps.adminObjectIds);
  }

  /** The verified caller and their roles, or undefined once a 401 has been answered. */
  async signedIn(req: Request, res: Response): Promise<SignedIn | undefined> {
    const caller = await this.authenticate(req, res);
    if (!caller) return undefined;
    return { caller, roles: await this.rolesOf(caller) };
  }

  /**
   * The verified caller when they hold one of the `allowed` roles; otherwise answers 401, or 403 FORBIDDEN with
   * `refusal`, and returns undefined.
   */
  async authorise(
    req: Request,
    res: Response,
    allowed: readonly Role[],
    refusal: string,
  ): Promise<SignedIn | undefined> {
    const who = await this.signedIn(req, res);
    if (!who) return undefined;
    if (!who.roles.some((role) => allowed.includes(role))) {
      sendFailure(res, fail(ErrorCodes.FORBIDDEN, refusal));
      return undefined;
    }
    return who;
  }

  /** GET /api/me: the caller's verified identity and roles. */
  me({ who, send }: RouteContext<Routes['me']>): void {
    send(200, {
      id: who.caller.userId,
      tenantId: who.caller.tenantId,
      name: who.caller.name ?? null,
      roles: who.roles,
    });
  }
}

/** Local mode only: mints tokens for named local users and serves the local JWKS. */
export class DevIdentityApi {
  constructor(
    private readonly issuer: LocalIssuer,
    private readonly stores: Stores,
    private readonly now: () => Date,
  ) {}

  /** GET /api/dev/jwks. */
  jwks({ send }: RouteContext<Routes['devJwks']>): void {
    send(200, { keys: this.issuer.jwks().keys.map((key) => ({ ...key })) });
  }

  /** POST /api/dev/token {"name","role"}: a token for that local user, who now holds exactly that role. */
  async token({ body, send }: RouteContext<Routes['devToken']>): Promise<void> {
    const { name, role } = body;
    const userId = localUserId(name);
    await this.setOnlyRole(userId, role === 'manager' ? undefined : role);
    if (role === 'facilitator' && !(await this.stores.facilitators.get(userId))) {
      await this.stores.facilitators.upsert(
        { userId, name, organisationName: 'Local Demo NHS Trust', odsCode: 'LOCAL', region: 'Local' },
        this.now(),
      );
    }
    const minted = await this.issuer.mint({ userId, name }, this.now());
    send(200, { token: minted.token, expiresAt: minted.expiresAt, userId });
  }

  private async setOnlyRole(userId: string, role: GrantedRole | undefined): Promise<void> {
    for (const held of await this.stores.roles.rolesOf(userId)) {
      if (held !== role) await this.stores.roles.revoke(userId, held);
    }
    if (role) await this.stores.roles.grant(userId, role, this.now());
  }
}
