import { PostgresStoreError } from '../storage/postgres/errors';
import { SqliteStoreError } from '../storage/sqlite/database';
import { ConfigError, loadConfig } from './config';
import { startService } from './service';

/** Entry point for `npm run serve`: read configuration once, start, and stop cleanly on a signal. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const service = await startService(config);
  console.log(`Leading Compassionately service listening on ${service.url}`);
  console.log(`  Bot Framework endpoint: ${service.url}/api/messages`);
  console.log(`  Tab: ${service.url}/tab/`);
  console.log(`  Health: ${service.url}/healthz`);
  if (config.tabAuth.mode === 'local') console.log('  Local identity: POST /api/dev/token {"name","role"}');
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Received ${signal}; stopping.`);
    service.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Failed to stop cleanly:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  // A store that cannot open is an operator's problem with a known fix: one line naming it, no stack trace.
  if (error instanceof SqliteStoreError || error instanceof PostgresStoreError) {
    console.error(`Failed to start: ${error.code}: ${error.message}`);
  } else {
    console.error('Failed to start:', error);
  }
  process.exit(1);
});
