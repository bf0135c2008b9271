import type { Telemetry, TelemetryProperties } from '../../core/ports';

/** One telemetry event exactly as the service handed it over (before the property filter). */
export interface RecordedEvent {
  name: string;
  properties: TelemetryProperties;
}

/** Telemetry that keeps every event and exception it is given, unfiltered, so tests see what the code sends. */
export class RecordingTelemetry implements Telemetry {
  readonly events: RecordedEvent[] = [];
  readonly exceptions: RecordedEvent[] = [];

  event(name: string, properties: TelemetryProperties = {}): void {
    this.events.push({ name, properties });
  }

  exception(error: unknown, properties: TelemetryProperties = {}): void {
    this.exceptions.push({ name: error instanceof Error ? error.message : 'non-error thrown', properties });
  }

  flush(): Promise<void> {
    return Promise.resolve();
  }
}
