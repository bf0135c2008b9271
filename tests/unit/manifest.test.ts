import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import AdmZip from 'adm-zip';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { APP_PACKAGE_DIR, buildAppPackage, renderManifest, substitute } from '../../scripts/app-package';

const SCHEMA =
  require.resolve('@microsoft/app-manifest/build/json-schemas/teams/v1.19/MicrosoftTeams.schema.json');

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')) as object);
}

/** Width, height, colour type and whether any pixel is transparent, from a PNG's IHDR and pixels. */
function pngInfo(file: string): { width: number; height: number; colourType: number } {
  const data = fs.readFileSync(file);
  expect(data.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20), colourType: data[25] ?? -1 };
}

/** The alpha of the top-left pixel of an 8-bit RGBA PNG (raw under every filter type on the first row). */
function firstPixelAlpha(file: string): number {
  const data = fs.readFileSync(file);
  const idat: Buffer[] = [];
  for (let offset = 8; offset < data.length;) {
    const length = data.readUInt32BE(offset);
    if (data.toString('ascii', offset + 4, offset + 8) === 'IDAT')
      idat.push(data.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  return zlib.inflateSync(Buffer.concat(idat))[4] ?? -1;
}

describe('the Teams app manifest', () => {
  const manifest = renderManifest('local');

  it('is valid against the official Teams schema v1.19 once env values are substituted', () => {
    const validate = validator();
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('puts the bot in personal, team and group chat scopes', () => {
    const bots = manifest.bots as { scopes: string[]; botId: string }[];
    expect(bots[0]?.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(manifest.validDomains).toEqual(['localhost']);
  });

  it('has personal Plan, Circles and Facilitate tabs, each opening its page in the Teams theme', () => {
    const tabs = manifest.staticTabs as {
      entityId: string;
      name?: string;
      contentUrl?: string;
      scopes: string[];
    }[];
    const pages = tabs.filter((tab) => tab.contentUrl);
    expect(pages.map((tab) => [tab.entityId, tab.name])).toEqual([
      ['plan', 'Plan'],
      ['circles', 'Circles'],
      ['facilitate', 'Facilitate'],
    ]);
    for (const tab of pages) {
      expect(tab.scopes).toEqual(['personal']);
      expect(tab.contentUrl).toMatch(
        new RegExp(`/tab/\\?theme=\\{theme\\}&locale=\\{locale\\}#/${tab.entityId}$`),
      );
    }
  });

  it("has a configurable channel tab whose configuration page is the tab's configure page", () => {
    const [channelTab] = manifest.configurableTabs as {
      configurationUrl: string;
      scopes: string[];
      context: string[];
    }[];
    expect(channelTab?.scopes).toEqual(['team']);
    expect(channelTab?.context).toEqual(['channelTab']);
    expect(channelTab?.configurationUrl).toMatch(/\/tab\/\?theme=\{theme\}&locale=\{locale\}#\/configure$/);
  });

  it('the schema check does refuse a broken manifest', () => {
    const validate = validator();
    expect(validate({ ...manifest, manifestVersion: '1.19', accentColor: 'blue', id: 'not-a-guid' })).toBe(
      false,
    );
  });

  it('refuses to fill a placeholder that has no value, naming it', () => {
    expect(() => substitute('{"id":"${{TEAMS_APP_ID}}","b":"${{BOT_ID}}"}', { TEAMS_APP_ID: 'x' })).toThrow(
      /BOT_ID/,
    );
  });

  it('has a 192x192 colour icon and a 32x32 outline icon with transparency', () => {
    expect(pngInfo(path.join(APP_PACKAGE_DIR, 'color.png'))).toMatchObject({ width: 192, height: 192 });
    const outline = pngInfo(path.join(APP_PACKAGE_DIR, 'outline.png'));
    expect(outline).toMatchObject({ width: 32, height: 32, colourType: 6 });
    expect(firstPixelAlpha(path.join(APP_PACKAGE_DIR, 'outline.png'))).toBe(0);
  });

  it('packages manifest and icons into appPackage/build/appPackage.local.zip', () => {
    const target = buildAppPackage('local');
    expect(target).toBe(path.join(APP_PACKAGE_DIR, 'build', 'appPackage.local.zip'));
    const zip = new AdmZip(target);
    expect(
      zip
        .getEntries()
        .map((entry) => entry.entryName)
        .sort(),
    ).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const packaged = JSON.parse(zip.readAsText('manifest.json')) as Record<string, unknown>;
    expect(JSON.stringify(packaged)).not.toContain('${{');
    expect(packaged.id).toBe(manifest.id);
  });
});
