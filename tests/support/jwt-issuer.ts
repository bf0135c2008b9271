import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload, type KeyLike } from 'jose';

/** An RSA signing key with its public JWK. */
export interface TestKey {
  kid: string;
  privateKey: KeyLike;
  publicJwk: JWK;
}

/** Makes an RS256 key pair with a key id. */
export async function makeKey(kid: string): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  return {
    kid,
    privateKey,
    publicJwk: { ...(await exportJWK(publicKey)), kid, kty: 'RSA', use: 'sig', alg: 'RS256' },
  };
}

/** Signs claims with a key (RS256 unless told otherwise). */
export async function sign(
  key: TestKey,
  claims: JWTPayload,
  options: { expiresInSeconds?: number } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
    .setIssuedAt(now - 10)
    .setNotBefore(now - 10)
    .setExpirationTime(now + (options.expiresInSeconds ?? 3600))
    .sign(key.privateKey);
}

/** Replaces a token's signature with another token's, keeping header and claims. */
export function withForeignSignature(token: string, other: string): string {
  const [header, payload] = token.split('.');
  const signature = other.split('.')[2];
  return `${header}.${payload}.${signature}`;
}

/**
 * A local OpenID provider: serves /.well-known/openid-configuration and /keys on loopback, so Bot Framework
 * and Entra-style validation run offline against keys the test controls.
 */
export class LocalOpenIdServer {
  private server: http.Server | undefined;
  url = '';

  constructor(
    private readonly keys: TestKey[],
    private readonly endorsements: string[] = [],
  ) {}

  /** Starts on a loopback port: an ephemeral one, or `port` to come back where a stopped server was. */
  async start(port = 0): Promise<void> {
    this.server = http.createServer((req, res) => {
      if (req.url === '/.well-known/openid-configuration') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${this.url}/keys` }));
      } else if (req.url === '/keys') {
        const keys = this.keys.map((key) => ({
          ...key.publicJwk,
          ...(this.endorsements.length ? { endorsements: this.endorsements } : {}),
        }));
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ keys }));
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
