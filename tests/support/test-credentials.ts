import { ServiceClientCredentialsFactory } from 'botframework-connector';

/** The token the bot attaches to its outbound calls in tests, so the fake connector can see auth is applied. */
export const OUTBOUND_TEST_TOKEN = 'outbound-test-token';

interface SignableRequest {
  headers: { set(name: string, value: string): void };
}

/**
 * Outbound credentials for tests: botbuilder would otherwise fetch a token from Entra ID, which is unreachable
 * offline. Inbound validation is untouched: it still runs the full Bot Framework JWT checks.
 */
export class TestCredentialsFactory extends ServiceClientCredentialsFactory {
  constructor(private readonly appId: string) {
    super();
  }

  isValidAppId(appId: string): Promise<boolean> {
    return Promise.resolve(appId === this.appId);
  }

  isAuthenticationDisabled(): Promise<boolean> {
    return Promise.resolve(false);
  }

  createCredentials(): Promise<{ signRequest<T extends SignableRequest>(request: T): Promise<T> }> {
    return Promise.resolve({
      signRequest<T extends SignableRequest>(request: T): Promise<T> {
        request.headers.set('authorization', `Bearer ${OUTBOUND_TEST_TOKEN}`);
        return Promise.resolve(request);
      },
    });
  }
}
