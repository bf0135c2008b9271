import path from 'node:path';

export { CHROMIUM_PATH, launchChromium } from '../../scripts/chromium';

/** Where browser tests write screenshots (not committed). */
export const ARTIFACTS_DIR = path.resolve(__dirname, '..', '..', 'test-artifacts');
