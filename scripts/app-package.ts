import fs from 'node:fs';
import path from 'node:path';
import AdmZip from 'adm-zip';
import dotenv from 'dotenv';

/** Where the app package sources live. */
export const APP_PACKAGE_DIR = path.resolve(
  __dirname,
  __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..',
  'appPackage',
);
const PROJECT_DIR = path.dirname(APP_PACKAGE_DIR);

/** Reads env/.env.{name} and, when present, the gitignored env/.env.{name}.user with secrets. */
export function readEnvironment(name: string): Record<string, string> {
  const files = [`.env.${name}`, `.env.${name}.user`].map((file) => path.join(PROJECT_DIR, 'env', file));
  if (!fs.existsSync(files[0] ?? ''))
    throw new Error(`No environment file env/.env.${name}; create it first.`);
  const values: Record<string, string> = {};
  for (const file of files.filter((candidate) => fs.existsSync(candidate))) {
    Object.assign(values, dotenv.parse(fs.readFileSync(file)));
  }
  return values;
}

/** Substitutes ${{NAME}} placeholders; names with no value are reported together. */
export function substitute(template: string, values: Record<string, string>): string {
  const missing = new Set<string>();
  const result = template.replace(/\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined || value === '') missing.add(name);
    return value ?? '';
  });
  if (missing.size > 0) {
    throw new Error(
      `The app manifest needs values for: ${[...missing].join(', ')}. Set them in env/.env.<environment>.`,
    );
  }
  return result;
}

/** The manifest for an environment, with every placeholder filled in. */
export function renderManifest(environment: string): Record<string, unknown> {
  const template = fs.readFileSync(path.join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8');
  return JSON.parse(substitute(template, readEnvironment(environment))) as Record<string, unknown>;
}

/** Writes appPackage/build/appPackage.{environment}.zip (manifest + icons) and returns its path. */
export function buildAppPackage(environment: string): string {
  const manifest = renderManifest(environment);
  const buildDir = path.join(APP_PACKAGE_DIR, 'build');
  fs.mkdirSync(buildDir, { recursive: true });
  const manifestText = JSON.stringify(manifest, null, 2);
  fs.writeFileSync(path.join(buildDir, `manifest.${environment}.json`), manifestText);
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(manifestText));
  for (const icon of ['color.png', 'outline.png']) zip.addLocalFile(path.join(APP_PACKAGE_DIR, icon));
  const target = path.join(buildDir, `appPackage.${environment}.zip`);
  zip.writeZip(target);
  return target;
}
