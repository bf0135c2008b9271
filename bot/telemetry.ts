import type { Telemetry, TelemetryProperties } from '../core/ports';

/** Property values allowed through: ids, codes, counts and flags. Anything else is redacted. */
const SAFE_VALUE = /^[A-Za-z0-9_.:/-]{0,64}$/;
const EMAIL_LIKE = /@/;

/** Drops anything that could be a name, an email or free text before it leaves the process. */
export function sanitiseProperties(properties: TelemetryProperties = {}): Record<string, string> {
  const safe: Record<string, string> = {};
  for (const [key, value] of Object.entries(properties)) {
    const text = String(value);
    safe[key] = SAFE_VALUE.test(text) && !EMAIL_LIKE.test(text) ? text : '[redacted]';
  }
  return safe;
}

/** Telemetry that goes nowhere: the default when no Application Insights connection string is set. */
export class NoopTelemetry implements Telemetry {
  event(): void {}
  exception(): void {}
  flush(): Promise<void> {
    return Promise.resolve();
  }
}

/** Minimal shape of the applicationinsights 3 client that we use. */
interface AppInsightsClient {
  trackEvent(telemetry: { name: string; properties?: Record<string, string> }): void;
  trackException(telemetry: { exception: Error; properties?: Record<string, string> }): void;
  flush(): Promise<void> | void;
}

/** Telemetry sent to Application Insights 3; every property passes through sanitiseProperties. */
export class AppInsightsTelemetry implements Telemetry {
  constructor(private readonly client: AppInsightsClient) {}

  event(name: string, properties?: TelemetryProperties): void {
    this.client.trackEvent({ name, properties: sanitiseProperties(properties) });
  }

  exception(error: unknown, properties?: TelemetryProperties): void {
    const exception = error instanceof Error ? error : new Error('non-error thrown');
    this.client.trackException({ exception, properties: sanitiseProperties(properties) });
  }

  async flush(): Promise<void> {
    await this.client.flush();
  }
}

/**
 * Builds the telemetry seam: Application Insights when a connection string is set (the module is loaded only
 * then, since it pulls in OpenTelemetry), otherwise a no-op client.
 */
export function createTelemetry(connectionString: string | undefined): Telemetry {
  if (!connectionString) return new NoopTelemetry();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const appInsights = require('applicationinsights') as {
    TelemetryClient: new (connectionString: string) => AppInsightsClient;
  };
  return new AppInsightsTelemetry(new appInsights.TelemetryClient(connectionString));
}
