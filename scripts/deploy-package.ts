import fs from 'node:fs';
import path from 'node:path';

/**
 * The deploy package: only what runs in production. package.json and package-lock.json (App Service installs the
 * production dependencies itself, `npm ci --omit=dev`, so native addons are built for its platform), the compiled
 * service (dist/bot, dist/contract, dist/core, dist/storage), the built tab (dist/tab) and the content files. No sources, tests,
 * scripts, source maps or node_modules.
 */
export const DEPLOY_FILES = ['package.json', 'package-lock.json'];
/** Folders of dist/ that run in production. */
export const DEPLOY_DIST_FOLDERS = ['bot', 'contract', 'core', 'storage', 'tab'];

/** Where the packages come from and where the package goes. */
export interface DeployPackageOptions {
  /** The project root (package.json, package-lock.json, content/). */
  root: string;
  /** The build output to take the service and the tab from (default: `<root>/dist`). */
  dist?: string;
  /** The folder to write; it is emptied first. */
  target: string;
}

/** Writes the deploy package into `target` and returns the top-level entries it holds. */
export function writeDeployPackage({
  root,
  dist = path.join(root, 'dist'),
  target,
}: DeployPackageOptions): string[] {
  for (const folder of DEPLOY_DIST_FOLDERS) {
    if (!fs.existsSync(path.join(dist, folder))) {
      throw new Error(`${path.join(dist, folder)} is missing: run "npm run build" first.`);
    }
  }
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  for (const file of DEPLOY_FILES) fs.copyFileSync(path.join(root, file), path.join(target, file));
  for (const folder of DEPLOY_DIST_FOLDERS) {
    fs.cpSync(path.join(dist, folder), path.join(target, 'dist', folder), {
      recursive: true,
      filter: (source) => !source.endsWith('.map'),
    });
  }
  fs.cpSync(path.join(root, 'content'), path.join(target, 'content'), { recursive: true });
  return fs.readdirSync(target).sort();
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..', '..');
  const target = path.resolve(root, process.argv[2] ?? path.join('dist', 'deploy'));
  const entries = writeDeployPackage({ root, target });
  console.log(`Deploy package written to ${path.relative(root, target)}/: ${entries.join(', ')}`);
}
