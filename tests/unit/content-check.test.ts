import { LIMITS, loadContent, type ContentLoad } from '../../core/content/loader';
import { countWords, THEME_IDS } from '../../core/content/model';
import { CONTENT_DIR, ContentCopy } from '../support/content-fixture';

const TODAY = new Date('2026-11-27T12:00:00Z');

function errorsOf(result: ContentLoad): string[] {
  return result.ok ? [] : result.errors.map((error) => `${error.file} ${error.field}: ${error.message}`);
}

describe('the real content', () => {
  const result = loadContent(CONTENT_DIR, TODAY);

  it('passes the check with no errors', () => {
    expect(errorsOf(result)).toEqual([]);
    expect(result.ok).toBe(true);
  });

  const library = result.ok ? result.library : { themes: [], guides: [], resources: [] };

  it('has the ten themes in plan order, each with a promise, three behaviours and an inclusive note', () => {
    expect(library.themes.map((theme) => theme.id)).toEqual([...THEME_IDS]);
    for (const theme of library.themes) {
      expect(theme.behaviours).toHaveLength(3);
      expect(countWords(theme.whyNow)).toBeLessThanOrEqual(80);
      expect(theme.inclusiveNote.length).toBeGreaterThan(20);
    }
  });

  it('has at least 20 guides, at least 2 per theme, each 350–650 words with every part', () => {
    expect(library.guides.length).toBeGreaterThanOrEqual(20);
    for (const themeId of THEME_IDS) {
      expect(library.guides.filter((guide) => guide.themeId === themeId).length).toBeGreaterThanOrEqual(2);
    }
    for (const guide of library.guides) {
      expect(guide.wordCount).toBeGreaterThanOrEqual(350);
      expect(guide.wordCount).toBeLessThanOrEqual(650);
      expect(countWords(guide.summary)).toBeLessThanOrEqual(40);
      expect(guide.tryThisToday.length).toBeGreaterThanOrEqual(3);
      expect(guide.tryThisToday.length).toBeLessThanOrEqual(5);
      expect(guide.inclusiveLens.length).toBeGreaterThan(100);
      expect(guide.whereToGetHelp).toMatch(/116 123/);
      expect(guide.readingMinutes).toBeGreaterThanOrEqual(2);
      expect(guide.readingMinutes).toBeLessThanOrEqual(4);
    }
  });

  it('covers the hard tensions', () => {
    const ids = library.guides.map((guide) => guide.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'compassionate-and-decisive',
        'candour-and-calm',
        'running-on-empty',
        'fair-redeployment',
      ]),
    );
  });

  it('has at least 14 real resources, all https, each with a checked date', () => {
    expect(library.resources.length).toBeGreaterThanOrEqual(14);
    for (const resource of library.resources) {
      expect(resource.url).toMatch(/^https:\/\//);
      expect(resource.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});

describe('the content check refuses', () => {
  let copy: ContentCopy;
  beforeEach(() => {
    copy = new ContentCopy();
  });
  afterEach(() => {
    copy.dispose();
  });
  const check = () => errorsOf(loadContent(copy.dir, TODAY)).join('\n');

  it('an unknown theme id on a guide, naming the file and field', () => {
    copy.edit('guides/pause-spaces.md', 'theme: routines', 'theme: rotas');
    expect(check()).toMatch(/guides\/pause-spaces\.md theme: must be one of the ten theme ids/);
  });

  it('a missing theme in the plan', () => {
    copy.edit('plan.yaml', / {2}- id: recovery[\s\S]*$/, '');
    expect(check()).toMatch(/plan\.yaml themes: theme "recovery" is missing/);
  });

  it('a guide with a missing part', () => {
    copy.edit('guides/team-reset.md', '## Questions to ask', '## Things to wonder about');
    const errors = check();
    expect(errors).toMatch(/guides\/team-reset\.md ## Questions to ask: missing or empty/);
    expect(errors).toMatch(/## Things to wonder about: is not a guide section/);
  });

  it('a guide without an inclusive lens', () => {
    copy.edit('guides/moral-injury.md', /## The inclusive lens[\s\S]*?(?=## Questions to ask)/, '');
    expect(check()).toMatch(
      /guides\/moral-injury\.md ## The inclusive lens: every guide needs an inclusive lens/,
    );
  });

  it('a guide that is too short or too long', () => {
    const short = ['Why this matters', 'The inclusive lens', 'Where to get help'].map(
      (h) => `## ${h}\n\nShort.\n`,
    );
    const bullets = '- One.\n- Two.\n- Three.\n';
    copy.edit(
      'guides/huddles-that-help.md',
      /\n## Why this matters[\s\S]*$/,
      `\n${short[0]}\n## Try this today\n\n${bullets}\n${short[1]}\n## Questions to ask\n\n${bullets}\n${short[2]}`,
    );
    copy.edit(
      'guides/going-home-routine.md',
      '## Where to get help',
      `## Where to get help\n\n${'more words here '.repeat(60)}\n`,
    );
    const errors = check();
    expect(errors).toMatch(/guides\/huddles-that-help\.md body: has \d+ words .* 350–650/);
    expect(errors).toMatch(/guides\/going-home-routine\.md body: has \d+ words/);
  });

  it('too few or too many actions in "Try this today"', () => {
    copy.edit(
      'guides/quieter-voices.md',
      /## Try this today\n\n[\s\S]*?(?=## The inclusive lens)/,
      '## Try this today\n\n- Only one thing to try today, which is not enough.\n\n',
    );
    expect(check()).toMatch(/quieter-voices\.md ## Try this today: must list 3–5 actions/);
  });

  it('a theme with fewer than two guides', () => {
    copy.remove('guides/steady-presence.md');
    copy.edit('plan.yaml', 'guides: [four-behaviours, steady-presence]', 'guides: [four-behaviours]');
    expect(check()).toMatch(/theme "emotional-tone" has 1 guide\(s\); each theme needs at least 2/);
  });

  it('a link that is not https', () => {
    copy.edit('resources.yaml', 'url: https://www.samaritans.org/', 'url: http://www.samaritans.org/');
    expect(check()).toMatch(/resources\.yaml resources\.\d+\.url: must be an https:\/\/ link/);
  });

  it('links pasted into a guide body', () => {
    copy.edit(
      'guides/bereaved-colleague.md',
      '## Where to get help\n',
      '## Where to get help\n\nSee https://example.org for more.\n',
    );
    expect(check()).toMatch(/bereaved-colleague\.md body: must not contain links/);
  });

  it('duplicate ids', () => {
    copy.edit('resources.yaml', '  - id: nhs-111', '  - id: samaritans');
    copy.write('guides/pause-spaces-copy.md', copy.read('guides/pause-spaces.md'));
    const errors = check();
    expect(errors).toMatch(/duplicate resource id "samaritans"/);
    expect(errors).toMatch(/duplicate guide id "pause-spaces"/);
    expect(errors).toMatch(/guides\/pause-spaces-copy\.md id: must match the file name/);
  });

  it('broken cross-references', () => {
    copy.edit('plan.yaml', 'guides: [pause-spaces,', 'guides: [pause-space,');
    copy.edit('guides/moral-injury.md', /resources: \[/, 'resources: [no-such-resource, ');
    copy.edit('plan.yaml', /resources: \[/, 'resources: [ghost-resource, ');
    const errors = check();
    expect(errors).toMatch(/plan\.yaml themes\.4\.guides\.0: guide "pause-space" does not exist/);
    expect(errors).toMatch(
      /guides\/moral-injury\.md resources\.0: resource "no-such-resource" does not exist/,
    );
    expect(errors).toMatch(/plan\.yaml themes\.\d+\.resources\.0: resource "ghost-resource" does not exist/);
    expect(errors).toMatch(/guides\/pause-spaces\.md theme: is not listed under theme "routines"/);
  });

  it('training questions filed under a guide that does not exist', () => {
    copy.edit(
      'guide-questions.yaml',
      /^guides:\n/m,
      "guides:\n  no-such-guide:\n    - 'how do i keep the team going'\n",
    );
    expect(check()).toMatch(
      /guide-questions\.yaml guides\.no-such-guide: guide "no-such-guide" does not exist/,
    );
  });

  it('a training question too short to learn from', () => {
    copy.edit('guide-questions.yaml', /^ {2}team-reset:\n/m, "  team-reset:\n    - 'ok'\n");
    expect(check()).toMatch(/guide-questions\.yaml guides\.team-reset\.0: /);
  });

  it('a summary over 40 words', () => {
    copy.edit('guides/team-reset.md', /summary: >-\n/, `summary: >-\n  ${'word '.repeat(41)}\n`);
    expect(check()).toMatch(/team-reset\.md summary: must be at most 40 words/);
  });

  it('front matter that is not valid YAML', () => {
    copy.edit('guides/team-reset.md', 'title:', 'title: [unclosed');
    expect(check()).toMatch(/team-reset\.md \(front matter\): is not valid YAML/);
  });
});

describe('the content check warns', () => {
  it('about guides and resources not reviewed in the last 12 months', () => {
    const later = new Date(TODAY.getTime() + (LIMITS.reviewAfterDays + 30) * 86_400_000);
    const result = loadContent(CONTENT_DIR, later);
    expect(result.ok).toBe(true);
    const warnings = result.warnings.map((warning) => `${warning.file} ${warning.field}`).join('\n');
    expect(warnings).toMatch(/guides\/pause-spaces\.md lastReviewed/);
    expect(warnings).toMatch(/resources\.yaml resources\.0\.checked/);
  });
});
