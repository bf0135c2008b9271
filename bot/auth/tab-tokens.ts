import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { ErrorCodes, fail, succeed, type Outcome } from '../../core/errors';
import type { Caller } from '../../core/identity';
import { TEXT_LIMITS, truncateText } from '../../core/text-limits';

/** The delegated scope every tab API token must carry. */
export const REQUIRED_SCOPE = 'access_as_user';
/** Only RS256 is accepted; "none" and HMAC algorithms are refused. */
export const ALLOWED_ALGORITHMS = ['RS256'];
/** Tokens are bounded in size before any parsing. */
const MAX_TOKEN_LENGTH = 8192;

/** What a token must match to be accepted. */
export interface TokenRules {
  issuers: string[];
  audiences: string[];
  tenantId: string;
  keys: JWTVerifyGetKey;
}

/** Checks a bearer token and turns it into the caller's verified identity. */
export interface TokenVerifier {
  verify(authorizationHeader: string | undefined): Promise<Outcome<Caller>>;
}

/** Validates signature (JWKS), algorithm, issuer, audience, tenant, scope and expiry with jose. */
export class JoseTokenVerifier implements TokenVerifier {
  constructor(private readonly rules: TokenRules) {}

  async verify(authorizationHeader: string | undefined): Promise<Outcome<Caller>> {
    const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(authorizationHeader ?? '');
    if (!match?.[1])
      return fail(ErrorCodes.TOKEN_MISSING, 'Send a bearer token in the Authorization header.');
    const token = match[1];
    if (token.length > MAX_TOKEN_LENGTH) return fail(ErrorCodes.TOKEN_INVALID, 'The token is too long.');
    try {
      const { payload } = await jwtVerify(token, this.rules.keys, {
        algorithms: ALLOWED_ALGORITHMS,
        issuer: this.rules.issuers,
        audience: this.rules.audiences,
        requiredClaims: ['exp', 'iat', 'tid', 'oid'],
        clockTolerance: 60,
      });
      if (payload.tid !== this.rules.tenantId) {
        return fail(ErrorCodes.TOKEN_INVALID, 'The token was issued for another tenant.');
      }
      const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
      if (!scopes.includes(REQUIRED_SCOPE)) {
        return fail(ErrorCodes.TOKEN_INVALID, `The token lacks the ${REQUIRED_SCOPE} scope.`);
      }
      if (typeof payload.oid !== 'string' || payload.oid === '') {
        return fail(ErrorCodes.TOKEN_INVALID, 'The token has no object id.');
      }
      return succeed({
        userId: payload.oid,
        tenantId: payload.tid,
        name:
          typeof payload.name === 'string' ? truncateText(payload.name, TEXT_LIMITS.personName) : undefined,
      });
    } catch (error) {
      if (keysUnreachable(error)) {
        return fail(
          ErrorCodes.AUTH_KEYS_UNAVAILABLE,
          'The sign-in keys could not be fetched just now; please try again shortly.',
        );
      }
      if (error instanceof joseErrors.JOSEError || error instanceof TypeError) {
        return fail(ErrorCodes.TOKEN_INVALID, describeJoseError(error));
      }
      throw error;
    }
  }
}

/** Socket errors that mean the JWKS endpoint could not be reached. */
const NETWORK_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

/**
 * Whether verification failed because the key set could not be fetched (the JWKS endpoint timed out, refused the
 * connection or answered with an error), rather than because of the token: that is a 503, and jose fetches the
 * keys again on the next request, so it recovers when the endpoint does.
 */
function keysUnreachable(error: unknown): boolean {
  if (error instanceof joseErrors.JWKSTimeout) return true;
  if (error instanceof TypeError && error.message === 'fetch failed') return true;
  // Socket errors come from Node's own realm, so they are recognised by their code rather than by instanceof.
  const code =
    typeof error === 'object' && error !== null ? (error as NodeJS.ErrnoException).code : undefined;
  if (code !== undefined && NETWORK_ERROR_CODES.has(code)) return true;
  return (
    error instanceof joseErrors.JOSEError &&
    error.code === 'ERR_JOSE_GENERIC' &&
    /JSON Web Key Set HTTP response/.test(error.message)
  );
}

function describeJoseError(error: Error): string {
  if (error instanceof joseErrors.JWTExpired) return 'The token has expired.';
  if (error instanceof joseErrors.JWTClaimValidationFailed)
    return `The token's ${error.claim} claim is not accepted.`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'The token signature is not valid.';
  if (error instanceof joseErrors.JWKSNoMatchingKey) return 'The token was signed by an unknown key.';
  if (error instanceof joseErrors.JOSEAlgNotAllowed)
    return 'The token uses an algorithm that is not allowed.';
  return 'The token is not valid.';
}

/** Keys from Entra ID's published JWKS, cached and refreshed by jose. */
export function entraKeys(jwksUrl: string): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: 30_000, timeoutDuration: 5_000 });
}
