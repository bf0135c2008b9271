import { z } from 'zod';
import { AUDIENCES, RESOURCE_TYPES, THEME_IDS } from './model';

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and hyphens')
  .max(80);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const themeId = z.string().refine((value) => (THEME_IDS as readonly string[]).includes(value), {
  message: `must be one of the ten theme ids (${THEME_IDS.join(', ')})`,
});

/** Words in a string, for limits stated in words. */
function words(value: string): number {
  return value.trim().split(/\s+/).filter(Boolean).length;
}
const maxWords = (max: number) => (value: string) => words(value) <= max;

/** An https:// link. */
export const httpsUrl = z
  .string()
  .url('must be a full link')
  .refine((value) => value.startsWith('https://'), 'must be an https:// link');

/** One theme of content/plan.yaml. */
export const ThemeSchema = z
  .object({
    id: themeId,
    number: z.number().int().min(1).max(10),
    title: text(80),
    promise: text(200),
    whyNow: text(800).refine(maxWords(80), 'must be at most 80 words'),
    behaviours: z.array(text(300)).length(3, 'must list exactly three behaviours'),
    inclusiveNote: text(600),
    circleTopic: text(100),
    /** Points 8–10: added by the programme team, not in the published list of behaviours. */
    addedByProgrammeTeam: z.boolean().default(false),
    guides: z.array(id).min(1),
    resources: z.array(id).default([]),
  })
  .strict();

/** content/plan.yaml. */
export const PlanSchema = z.object({ themes: z.array(ThemeSchema) }).strict();

/** The front matter of a guide. */
export const GuideFrontMatterSchema = z
  .object({
    id,
    theme: themeId,
    title: text(120),
    summary: text(400).refine(maxWords(40), 'must be at most 40 words'),
    keywords: z.array(text(60)).min(3, 'list at least three words or phrases managers use').max(30),
    examples: z.array(text(240)).max(60).default([]),
    resources: z.array(id).default([]),
    audience: z
      .array(z.enum(AUDIENCES))
      .min(1, 'name at least one audience (manager, facilitator)')
      .refine((list) => new Set(list).size === list.length, 'must not repeat an audience')
      .default(['manager']),
    owner: text(120),
    lastReviewed: isoDate,
    whatChanged: text(200).optional(),
  })
  .strict();

/** One entry of content/resources.yaml. */
export const ResourceSchema = z
  .object({
    id,
    type: z.enum(RESOURCE_TYPES),
    title: text(200),
    publisher: text(120),
    url: httpsUrl,
    themes: z.array(themeId).min(1),
    minutes: z.number().int().min(1).max(600),
    description: text(300),
    checked: isoDate,
  })
  .strict();

/** content/resources.yaml. */
export const ResourcesSchema = z.object({ resources: z.array(ResourceSchema) }).strict();

/** One training message (a question or an example): never shown, so only its length is checked. */
const trainingText = z.string().trim().min(3).max(600);

/**
 * content/guide-questions.yaml: questions managers might type, by the guide that answers them best. They train the
 * guide finder only (never shown) and are kept apart from each guide's own examples so the guides stay readable.
 */
export const GuideQuestionsSchema = z
  .object({
    guides: z.record(z.string().trim().min(1).max(80), z.array(trainingText).min(1).max(400)),
  })
  .strict();

/**
 * content/scope-examples.yaml: messages the bot cannot help with (leave, pay, IT, rotas, clinical questions,
 * estates, chit-chat) and in-scope messages that share their words; they train the scope check's model.
 */
export const ScopeExamplesSchema = z
  .object({
    offTopic: z.array(trainingText).min(50).max(5000),
    inScope: z.array(trainingText).min(50).max(5000),
  })
  .strict();

/** Example messages for the scope check, as loaded. */
export type ScopeExamples = z.infer<typeof ScopeExamplesSchema>;

/** content/synonyms.yaml: phrases managers type, mapped to the words the guides use. */
export const SynonymsSchema = z
  .object({
    synonyms: z.record(
      z.string().trim().min(1).max(60),
      z.array(z.string().trim().min(1).max(60)).min(1).max(12),
    ),
  })
  .strict();
