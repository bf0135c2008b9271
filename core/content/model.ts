import type { UrgentSupport } from './urgent-support';
import type { SafetyExamples, WarningSign } from './warning-signs';
import type { ScopeExamples } from './schemas';

/** The ten themes of the plan, by stable id, in plan order. Titles live in content/plan.yaml. */
export const THEME_IDS = [
  'look-after-yourself',
  'speak-candidly',
  'emotional-tone',
  'inclusive-leadership',
  'routines',
  'make-the-right-call',
  'safe-spaces',
  'stay-connected',
  'loss-and-grief',
  'recovery',
] as const;

/** One of the ten theme ids. */
export type ThemeId = (typeof THEME_IDS)[number];

/** Kinds of resource in the library. */
export const RESOURCE_TYPES = [
  'video',
  'podcast',
  'article',
  'guide',
  'collection',
  'tool',
  'service',
] as const;

/** A kind of resource. */
export type ResourceType = (typeof RESOURCE_TYPES)[number];

/** Who a guide is written for: people managers (the default) and circle facilitators. */
export const AUDIENCES = ['manager', 'facilitator'] as const;
/** One of AUDIENCES. */
export type Audience = (typeof AUDIENCES)[number];

/** One point of the ten-point plan. */
export interface Theme {
  id: ThemeId;
  number: number;
  title: string;
  promise: string;
  whyNow: string;
  behaviours: string[];
  inclusiveNote: string;
  /** True for points the programme team added to the published behaviours (8–10). */
  addedByProgrammeTeam: boolean;
  circleTopic: string;
  guideIds: string[];
  resourceIds: string[];
}

/** A three-minute guide, with every part parsed out of its Markdown. */
export interface Guide {
  id: string;
  themeId: ThemeId;
  title: string;
  summary: string;
  keywords: string[];
  /** Questions a manager might ask when this guide is the answer (matching only; never shown). */
  examples: string[];
  resourceIds: string[];
  /** Who the guide is for; a guide nobody marked is for managers. */
  audiences: Audience[];
  owner: string;
  lastReviewed: string;
  /** One line on what the last review changed, shown on the guide page (absent for unrevised guides). */
  whatChanged?: string;
  whyThisMatters: string;
  tryThisToday: string[];
  inclusiveLens: string;
  questions: string[];
  whereToGetHelp: string;
  wordCount: number;
  readingMinutes: number;
}

/** True when a guide is written for at least one of the given audiences. */
export function isFor(guide: Pick<Guide, 'audiences'>, audiences: readonly Audience[]): boolean {
  return guide.audiences.some((audience) => audiences.includes(audience));
}

/** A public video, podcast, article, guide, collection, tool or service. */
export interface Resource {
  id: string;
  type: ResourceType;
  title: string;
  publisher: string;
  url: string;
  themeIds: ThemeId[];
  minutes: number;
  description: string;
  checked: string;
}

/** Everything the content files hold, checked and cross-linked. */
export interface ContentLibrary {
  themes: Theme[];
  guides: Guide[];
  resources: Resource[];
  urgentSupport: UrgentSupport;
  /** Published warning signs of suicide risk, with the everyday phrases that show them (the safety check's lexicon). */
  warningSigns: WarningSign[];
  /** Example at-risk and ordinary messages that train the safety check's second line. */
  safetyExamples: SafetyExamples;
  /** Questions managers might type, by the id of the guide that answers them best (they train the guide finder). */
  guideQuestions: Record<string, string[]>;
  /** Example out-of-scope and in-scope messages that train the scope check's model. */
  scopeExamples: ScopeExamples;
  /** Words and phrases managers use, each with the words our guides use for the same thing. */
  synonyms: Record<string, string[]>;
}

/** A problem found in a content file, precise to the field. */
export interface ContentProblem {
  file: string;
  field: string;
  message: string;
}

/** Words read per minute when estimating reading time. */
export const WORDS_PER_MINUTE = 200;

/** Counts words the way a reader would: runs of letters and digits, with inner apostrophes and hyphens. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** Reading time in whole minutes (at least one). */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/** The items with the given ids, in the order of the ids; unknown ids are skipped. */
export function pickByIds<T extends { id: string }>(items: readonly T[], ids: readonly string[]): T[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  return ids.map((id) => byId.get(id)).filter((item): item is T => item !== undefined);
}
