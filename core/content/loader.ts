import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { z } from 'zod';
import {
  countWords,
  readingMinutes,
  THEME_IDS,
  type ContentLibrary,
  type ContentProblem,
  type Guide,
  type Resource,
  type Theme,
  type ThemeId,
} from './model';
import {
  GuideFrontMatterSchema,
  GuideQuestionsSchema,
  PlanSchema,
  ResourcesSchema,
  ScopeExamplesSchema,
  SynonymsSchema,
} from './schemas';
import { UrgentSupportSchema } from './urgent-support';
import { SafetyExamplesSchema, WarningSignsSchema } from './warning-signs';

/** The guide sections, in order, exactly as headed in the Markdown. */
export const GUIDE_SECTIONS = [
  'Why this matters',
  'Try this today',
  'The inclusive lens',
  'Questions to ask',
  'Where to get help',
] as const;

/** Word limits for a guide (body plus summary), and other counts the check enforces. */
export const LIMITS = {
  guideWords: { min: 350, max: 650 },
  actions: { min: 3, max: 5 },
  questions: { min: 3, max: 5 },
  guidesPerTheme: 2,
  reviewAfterDays: 365,
} as const;

/** The outcome of loading the content folder: the library, or every error found; warnings either way. */
export type ContentLoad =
  | { ok: true; library: ContentLibrary; warnings: ContentProblem[] }
  | { ok: false; errors: ContentProblem[]; warnings: ContentProblem[] };

class ProblemList {
  readonly errors: ContentProblem[] = [];
  readonly warnings: ContentProblem[] = [];
  error(file: string, field: string, message: string): void {
    this.errors.push({ file, field, message });
  }
  warn(file: string, field: string, message: string): void {
    this.warnings.push({ file, field, message });
  }
  zod(file: string, prefix: string, error: z.ZodError): void {
    for (const issue of error.issues) {
      this.error(
        file,
        [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(file)',
        issue.message,
      );
    }
  }
}

function readYaml(dir: string, file: string, problems: ProblemList): unknown {
  const full = path.join(dir, file);
  if (!fs.existsSync(full)) {
    problems.error(file, '(file)', 'is missing');
    return undefined;
  }
  try {
    return YAML.parse(fs.readFileSync(full, 'utf8'), { schema: 'core' }) as unknown;
  } catch (error) {
    problems.error(
      file,
      '(file)',
      `is not valid YAML: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
}

function parse<T>(
  schema: z.ZodType<T>,
  data: unknown,
  file: string,
  prefix: string,
  problems: ProblemList,
): T | undefined {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  problems.zod(file, prefix, result.error);
  return undefined;
}

/** Splits Markdown with YAML front matter into its two parts. */
export function splitFrontMatter(text: string): { frontMatter: string; body: string } | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  return match ? { frontMatter: match[1] ?? '', body: match[2] ?? '' } : undefined;
}

/** Splits a guide body into its "## " sections, keeping any text before the first heading under "". */
export function splitSections(body: string): Map<string, string> {
  const sections = new Map<string, string>();
  let heading = '';
  let lines: string[] = [];
  const flush = () => {
    const content = lines.join('\n').trim();
    if (heading !== '' || content !== '') sections.set(heading, content);
  };
  for (const line of body.split(/\r?\n/)) {
    const match = /^##\s+(.+?)\s*$/.exec(line);
    if (match) {
      flush();
      heading = match[1] ?? '';
      lines = [];
    } else {
      lines.push(line);
    }
  }
  flush();
  return sections;
}

/** The "- " bullet items of a section (continuation lines join the item above). */
export function bulletItems(section: string): string[] {
  const items: string[] = [];
  for (const line of section.split(/\r?\n/)) {
    if (/^\s*[-*]\s+/.test(line)) items.push(line.replace(/^\s*[-*]\s+/, '').trim());
    else if (line.trim() !== '' && items.length > 0) items[items.length - 1] += ` ${line.trim()}`;
  }
  return items;
}

function loadGuide(
  dir: string,
  fileName: string,
  problems: ProblemList,
  seenIds: string[],
): Guide | undefined {
  const file = `guides/${fileName}`;
  const parts = splitFrontMatter(fs.readFileSync(path.join(dir, 'guides', fileName), 'utf8'));
  if (!parts) {
    problems.error(file, '(file)', 'must start with YAML front matter between two --- lines');
    return undefined;
  }
  let data: unknown;
  try {
    data = YAML.parse(parts.frontMatter, { schema: 'core' }) as unknown;
  } catch (error) {
    problems.error(
      file,
      '(front matter)',
      `is not valid YAML: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
  const front = parse(GuideFrontMatterSchema, data, file, '', problems);
  if (front) seenIds.push(front.id);
  const sections = splitSections(parts.body);
  const before = problems.errors.length;
  if (sections.has('')) problems.error(file, 'body', 'must not have text before the first ## heading');
  const headings = [...sections.keys()].filter((heading) => heading !== '');
  for (const heading of headings) {
    if (!(GUIDE_SECTIONS as readonly string[]).includes(heading)) {
      problems.error(
        file,
        `## ${heading}`,
        `is not a guide section (expected: ${GUIDE_SECTIONS.join('; ')})`,
      );
    }
  }
  for (const section of GUIDE_SECTIONS) {
    if (!sections.get(section)) {
      const what =
        section === 'The inclusive lens' ? 'every guide needs an inclusive lens' : 'missing or empty';
      problems.error(file, `## ${section}`, what);
    }
  }
  if (headings.join('|') !== GUIDE_SECTIONS.filter((s) => headings.includes(s)).join('|')) {
    problems.error(file, 'body', `sections must come in this order: ${GUIDE_SECTIONS.join('; ')}`);
  }
  const listSection = (heading: string, what: string, limits: { min: number; max: number }): string[] => {
    const text = sections.get(heading);
    const items = bulletItems(text ?? '');
    if (text && (items.length < limits.min || items.length > limits.max)) {
      problems.error(
        file,
        `## ${heading}`,
        `must list ${limits.min}–${limits.max} ${what} as "- " bullets (found ${items.length})`,
      );
    }
    return items;
  };
  const tryThisToday = listSection('Try this today', 'actions', LIMITS.actions);
  const questions = listSection('Questions to ask', 'questions', LIMITS.questions);
  if (/https?:\/\/|\]\(/.test(parts.body)) {
    problems.error(
      file,
      'body',
      'must not contain links; put public links in resources.yaml and list their ids',
    );
  }
  const wordCount = countWords(parts.body.replace(/^##\s+.*$/gm, '')) + countWords(front?.summary ?? '');
  if (wordCount < LIMITS.guideWords.min || wordCount > LIMITS.guideWords.max) {
    problems.error(
      file,
      'body',
      `has ${wordCount} words with the summary; a three-minute guide has ${LIMITS.guideWords.min}–${LIMITS.guideWords.max}`,
    );
  }
  if (front && `${front.id}.md` !== fileName)
    problems.error(file, 'id', `must match the file name (${fileName})`);
  if (!front || problems.errors.length > before) return undefined;
  return {
    id: front.id,
    themeId: front.theme as ThemeId,
    title: front.title,
    summary: front.summary,
    keywords: front.keywords,
    examples: front.examples,
    resourceIds: front.resources,
    audiences: front.audience,
    owner: front.owner,
    lastReviewed: front.lastReviewed,
    ...(front.whatChanged ? { whatChanged: front.whatChanged } : {}),
    whyThisMatters: sections.get('Why this matters') ?? '',
    tryThisToday,
    inclusiveLens: sections.get('The inclusive lens') ?? '',
    questions,
    whereToGetHelp: sections.get('Where to get help') ?? '',
    wordCount,
    readingMinutes: readingMinutes(wordCount),
  };
}

function duplicates(ids: string[]): string[] {
  return [...new Set(ids.filter((value, index) => ids.indexOf(value) !== index))];
}

function daysBetween(isoDate: string, today: Date): number {
  return Math.floor((today.getTime() - Date.parse(`${isoDate}T00:00:00Z`)) / 86_400_000);
}

/**
 * Loads and checks the whole content folder. Returns the library only when there are no errors, so an invalid
 * edit can never replace content that is live. `today` is passed in for the review-date warnings.
 */
export function loadContent(dir: string, today: Date): ContentLoad {
  const problems = new ProblemList();
  const plan = parse(PlanSchema, readYaml(dir, 'plan.yaml', problems), 'plan.yaml', '', problems);
  const resourceFile = parse(
    ResourcesSchema,
    readYaml(dir, 'resources.yaml', problems),
    'resources.yaml',
    '',
    problems,
  );
  const urgentSupport = parse(
    UrgentSupportSchema,
    readYaml(dir, 'urgent-support.yaml', problems),
    'urgent-support.yaml',
    '',
    problems,
  );

  const warningSigns = parse(
    WarningSignsSchema,
    readYaml(dir, 'warning-signs.yaml', problems),
    'warning-signs.yaml',
    '',
    problems,
  );

  const safetyExamples = parse(
    SafetyExamplesSchema,
    readYaml(dir, 'safety-examples.yaml', problems),
    'safety-examples.yaml',
    '',
    problems,
  );

  const guideQuestionFile = parse(
    GuideQuestionsSchema,
    readYaml(dir, 'guide-questions.yaml', problems),
    'guide-questions.yaml',
    '',
    problems,
  );

  const scopeExamples = parse(
    ScopeExamplesSchema,
    readYaml(dir, 'scope-examples.yaml', problems),
    'scope-examples.yaml',
    '',
    problems,
  );

  const synonymFile = parse(
    SynonymsSchema,
    readYaml(dir, 'synonyms.yaml', problems),
    'synonyms.yaml',
    '',
    problems,
  );

  const guideDir = path.join(dir, 'guides');
  const guideFiles = fs.existsSync(guideDir)
    ? fs
        .readdirSync(guideDir)
        .filter((name) => name.endsWith('.md'))
        .sort()
    : [];
  if (guideFiles.length === 0) problems.error('guides/', '(folder)', 'has no guides');
  const guideIds: string[] = [];
  const guides = guideFiles
    .map((name) => loadGuide(dir, name, problems, guideIds))
    .filter((guide): guide is Guide => !!guide);

  const themes: Theme[] = (plan?.themes ?? []).map((theme) => ({
    id: theme.id as ThemeId,
    number: theme.number,
    title: theme.title,
    promise: theme.promise,
    whyNow: theme.whyNow,
    behaviours: theme.behaviours,
    inclusiveNote: theme.inclusiveNote,
    circleTopic: theme.circleTopic,
    addedByProgrammeTeam: theme.addedByProgrammeTeam,
    guideIds: theme.guides,
    resourceIds: theme.resources,
  }));
  const resources: Resource[] = (resourceFile?.resources ?? []).map((resource) => ({
    id: resource.id,
    type: resource.type,
    title: resource.title,
    publisher: resource.publisher,
    url: resource.url,
    themeIds: resource.themes as ThemeId[],
    minutes: resource.minutes,
    description: resource.description,
    checked: resource.checked,
  }));

  if (plan) {
    const ids = themes.map((theme) => theme.id);
    for (const missing of THEME_IDS.filter((themeId) => !ids.includes(themeId))) {
      problems.error('plan.yaml', 'themes', `theme "${missing}" is missing`);
    }
    for (const dup of duplicates(ids)) problems.error('plan.yaml', 'themes', `duplicate theme id "${dup}"`);
    themes.forEach((theme, index) => {
      const expected = THEME_IDS.indexOf(theme.id) + 1;
      if (theme.number !== expected) {
        problems.error(
          'plan.yaml',
          `themes.${index}.number`,
          `theme "${theme.id}" is point ${expected} of the plan`,
        );
      }
    });
  }
  for (const dup of duplicates(guideIds)) problems.error('guides/', 'id', `duplicate guide id "${dup}"`);
  for (const dup of duplicates(resources.map((resource) => resource.id))) {
    problems.error('resources.yaml', 'resources', `duplicate resource id "${dup}"`);
  }

  const guideById = new Map(guides.map((guide) => [guide.id, guide]));
  const resourceIds = new Set(resources.map((resource) => resource.id));
  const everyGuideLoaded = guides.length === guideFiles.length;
  themes.forEach((theme, index) => {
    theme.guideIds.forEach((guideId, g) => {
      const guide = guideById.get(guideId);
      const listedFile = guideFiles.includes(`${guideId}.md`);
      if (!guide && !listedFile) {
        problems.error('plan.yaml', `themes.${index}.guides.${g}`, `guide "${guideId}" does not exist`);
      } else if (guide && guide.themeId !== theme.id) {
        problems.error(
          'plan.yaml',
          `themes.${index}.guides.${g}`,
          `guide "${guideId}" belongs to theme "${guide.themeId}"`,
        );
      }
    });
    theme.resourceIds.forEach((resourceId, r) => {
      if (resourceFile && !resourceIds.has(resourceId)) {
        problems.error(
          'plan.yaml',
          `themes.${index}.resources.${r}`,
          `resource "${resourceId}" does not exist`,
        );
      }
    });
    const themeGuides = guides.filter((guide) => guide.themeId === theme.id).length;
    if (everyGuideLoaded && themeGuides < LIMITS.guidesPerTheme) {
      problems.error(
        'plan.yaml',
        `themes.${index}`,
        `theme "${theme.id}" has ${themeGuides} guide(s); each theme needs at least ${LIMITS.guidesPerTheme}`,
      );
    }
  });
  for (const guide of guides) {
    const theme = themes.find((candidate) => candidate.id === guide.themeId);
    if (plan && theme && !theme.guideIds.includes(guide.id)) {
      problems.error(
        `guides/${guide.id}.md`,
        'theme',
        `is not listed under theme "${guide.themeId}" in plan.yaml`,
      );
    }
    guide.resourceIds.forEach((resourceId, r) => {
      if (resourceFile && !resourceIds.has(resourceId)) {
        problems.error(`guides/${guide.id}.md`, `resources.${r}`, `resource "${resourceId}" does not exist`);
      }
    });
    const age = daysBetween(guide.lastReviewed, today);
    if (age > LIMITS.reviewAfterDays) {
      problems.warn(
        `guides/${guide.id}.md`,
        'lastReviewed',
        `was last reviewed ${age} days ago; review it (every 12 months)`,
      );
    }
  }
  resources.forEach((resource, index) => {
    const age = daysBetween(resource.checked, today);
    if (age > LIMITS.reviewAfterDays) {
      problems.warn(
        'resources.yaml',
        `resources.${index}.checked`,
        `"${resource.id}" was last checked ${age} days ago`,
      );
    }
  });

  for (const guideId of Object.keys(guideQuestionFile?.guides ?? {})) {
    if (everyGuideLoaded && !guideById.has(guideId)) {
      problems.error('guide-questions.yaml', `guides.${guideId}`, `guide "${guideId}" does not exist`);
    }
  }

  if (
    problems.errors.length > 0 ||
    !urgentSupport ||
    !synonymFile ||
    !warningSigns ||
    !safetyExamples ||
    !guideQuestionFile ||
    !scopeExamples
  ) {
    return { ok: false, errors: problems.errors, warnings: problems.warnings };
  }
  const ordered = [...themes].sort((a, b) => a.number - b.number);
  return {
    ok: true,
    library: {
      themes: ordered,
      guides,
      resources,
      urgentSupport,
      warningSigns: warningSigns.signs,
      safetyExamples,
      guideQuestions: guideQuestionFile.guides,
      scopeExamples,
      synonyms: synonymFile.synonyms,
    },
    warnings: problems.warnings,
  };
}
