import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  SignJWT,
  type JSONWebKeySet,
  type JWK,
  type JWTVerifyGetKey,
  type KeyLike,
} from 'jose';
import { REQUIRED_SCOPE } from './tab-tokens';

/** How long a locally minted token lives. */
export const LOCAL_TOKEN_LIFETIME_SECONDS = 3600;
const KEY_FILE = 'local-issuer-key.json';

/**
 * The local identity issuer: its own RSA signing key (kept in DATA_DIR so tokens survive a restart), its own
 * JWKS, and tokens for named local users. Exists only in local mode; production never builds one.
 */
export class LocalIssuer {
  private constructor(
    private readonly privateKey: KeyLike | Uint8Array,
    private readonly publicJwk: JWK,
    readonly issuer: string,
    readonly audience: string,
    readonly tenantId: string,
  ) {}

  /** Loads the signing key from dataDir, or creates and saves one. */
  static async open(settings: {
    dataDir: string;
    issuer: string;
    audience: string;
    tenantId: string;
  }): Promise<LocalIssuer> {
    const keyPath = path.join(settings.dataDir, KEY_FILE);
    let privateJwk: JWK;
    if (fs.existsSync(keyPath)) {
      privateJwk = JSON.parse(fs.readFileSync(keyPath, 'utf8')) as JWK;
    } else {
      const { privateKey } = await generateKeyPair('RS256', { extractable: true });
      privateJwk = { ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig' };
      privateJwk.kid = createHash('sha256').update(String(privateJwk.n)).digest('base64url').slice(0, 16);
      fs.mkdirSync(settings.dataDir, { recursive: true, mode: 0o700 });
      fs.writeFileSync(keyPath, JSON.stringify(privateJwk), { mode: 0o600 });
    }
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = privateJwk;
    const privateKey = await importJWK(privateJwk, 'RS256');
    return new LocalIssuer(privateKey, publicJwk, settings.issuer, settings.audience, settings.tenantId);
  }

  /** The public keys, as served at /api/dev/jwks. */
  jwks(): JSONWebKeySet {
    return { keys: [this.publicJwk] };
  }

  /** A key resolver over this issuer's JWKS, for the same verifier production uses. */
  keys(): JWTVerifyGetKey {
    return createLocalJWKSet(this.jwks());
  }

  /** Signs an access token for a local user, shaped like a Teams SSO token. */
  async mint(
    user: { userId: string; name: string },
    now: Date,
  ): Promise<{ token: string; expiresAt: string }> {
    const issuedAt = Math.floor(now.getTime() / 1000);
    const expiresAt = issuedAt + LOCAL_TOKEN_LIFETIME_SECONDS;
    const token = await new SignJWT({
      oid: user.userId,
      tid: this.tenantId,
      name: user.name,
      scp: REQUIRED_SCOPE,
      ver: '2.0',
    })
      .setProtectedHeader({ alg: 'RS256', kid: this.publicJwk.kid ?? 'local', typ: 'JWT' })
      .setIssuer(this.issuer)
      .setAudience(this.audience)
      .setSubject(user.userId)
      .setIssuedAt(issuedAt)
      .setNotBefore(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(this.privateKey);
    return { token, expiresAt: new Date(expiresAt * 1000).toISOString() };
  }
}

/** A stable local user id for a display name, so the same name is the same person across restarts. */
export function localUserId(name: string): string {
  const hex = createHash('sha256').update(name.trim().toLowerCase()).digest('hex');
  return `local-${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
