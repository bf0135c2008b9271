import path from 'node:path';
import { buildAppPackage } from './app-package';

/** `npm run package [-- env]`: builds the Teams app package for an environment (default: local). */
const environment = process.argv[2] ?? 'local';
try {
  const target = buildAppPackage(environment);
  console.log(`Teams app package written to ${path.relative(process.cwd(), target)}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
