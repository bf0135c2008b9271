import { z } from 'zod';
import { AUDIENCES, RESOURCE_TYPES, THEME_IDS } from '../core/content/model';
import { defineRoute } from './route';

/** A guide's id in a path. */
const GuideIdSchema = z
  .string()
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a guide id');

/** Who a guide is written for. */
export const AudienceSchema = z.enum(AUDIENCES);

/** A resource: video, podcast, article and so on. */
export const ResourceSchema = z.object({
  id: z.string(),
  type: z.enum(RESOURCE_TYPES),
  title: z.string(),
  publisher: z.string(),
  url: z.string(),
  themes: z.array(z.enum(THEME_IDS)),
  minutes: z.number(),
  description: z.string(),
  /** The day the link was last checked. */
  checked: z.string(),
});

/** A guide as listed under its theme. */
export const GuideSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  readingMinutes: z.number(),
  audiences: z.array(AudienceSchema),
});

/** A guide in the list of GET /api/guides, with its theme. */
export const ListedGuideSchema = GuideSummarySchema.extend({ themeId: z.enum(THEME_IDS) });

/** One point of the ten-point plan, with its guides for managers and its resources. */
export const ThemeSchema = z.object({
  id: z.enum(THEME_IDS),
  number: z.number().int(),
  title: z.string(),
  promise: z.string(),
  whyNow: z.string(),
  behaviours: z.array(z.string()),
  inclusiveNote: z.string(),
  /** True for points 8–10, which the programme team added to the published behaviours. */
  addedByProgrammeTeam: z.boolean(),
  circleTopic: z.string(),
  guides: z.array(GuideSummarySchema),
  resources: z.array(ResourceSchema),
});

/** GET /api/guides/:id: a guide in full. */
export const GuideSchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  theme: z.object({ id: z.enum(THEME_IDS), number: z.number().int().nullable(), title: z.string() }),
  readingMinutes: z.number(),
  wordCount: z.number().int(),
  whyThisMatters: z.string(),
  tryThisToday: z.array(z.string()),
  inclusiveLens: z.string(),
  questions: z.array(z.string()),
  whereToGetHelp: z.string(),
  keywords: z.array(z.string()),
  resources: z.array(ResourceSchema),
  circleTopic: z.string().nullable(),
  audiences: z.array(AudienceSchema),
  owner: z.string(),
  lastReviewed: z.string(),
  /** One line on what the last review changed, or null. */
  whatChanged: z.string().nullable(),
});

/** The body of POST /api/guides/:id/feedback: the vote and a client-made id that makes a retry count once. */
export const GuideFeedbackRequestSchema = z
  .object({
    helpful: z.boolean(),
    voteId: z.string().uuid('must be a UUID made by the tab for this vote'),
  })
  .strict();

/** Content routes: the plan, guides, resources, guide votes and the admin reload. */
export const contentRoutes = {
  plan: defineRoute({
    method: 'GET',
    path: '/api/plan',
    operationId: 'plan',
    tag: 'content',
    summary: 'The ten-point plan: the themes with their guides for managers and their resources.',
    access: { kind: 'signedIn' },
    responses: { 200: { description: 'The plan.', schema: z.object({ themes: z.array(ThemeSchema) }) } },
    errors: [],
  }),
  guides: defineRoute({
    method: 'GET',
    path: '/api/guides',
    operationId: 'guides',
    tag: 'content',
    summary: 'Guide summaries with their theme, in plan order; one audience, or every audience when absent.',
    access: { kind: 'signedIn' },
    query: z.object({ audience: AudienceSchema.optional() }).strict(),
    responses: {
      200: { description: 'The guides.', schema: z.object({ guides: z.array(ListedGuideSchema) }) },
    },
    errors: [],
  }),
  guide: defineRoute({
    method: 'GET',
    path: '/api/guides/:id',
    operationId: 'guide',
    tag: 'content',
    summary: 'A guide in full.',
    access: { kind: 'signedIn' },
    params: z.object({ id: GuideIdSchema }),
    responses: { 200: { description: 'The guide.', schema: GuideSchema } },
    errors: ['NOT_FOUND'],
  }),
  guideFeedback: defineRoute({
    method: 'POST',
    path: '/api/guides/:id/feedback',
    operationId: 'guideFeedback',
    tag: 'content',
    summary: 'An anonymous helpful / not-helpful vote (one per person per guide; a repeat replaces it).',
    description:
      'No identity is stored: a one-way key of person and guide keeps one vote per person per guide; the vote ' +
      'id makes a retried request count once (`recorded: false`).',
    access: { kind: 'signedIn' },
    params: z.object({ id: GuideIdSchema }),
    body: GuideFeedbackRequestSchema,
    responses: {
      200: { description: 'Whether this request counted.', schema: z.object({ recorded: z.boolean() }) },
    },
    errors: ['NOT_FOUND'],
  }),
  resources: defineRoute({
    method: 'GET',
    path: '/api/resources',
    operationId: 'resources',
    tag: 'content',
    summary: 'The resources library, filtered by theme and type.',
    access: { kind: 'signedIn' },
    query: z
      .object({ theme: z.enum(THEME_IDS).optional(), type: z.enum(RESOURCE_TYPES).optional() })
      .strict(),
    responses: {
      200: { description: 'The resources.', schema: z.object({ resources: z.array(ResourceSchema) }) },
    },
    errors: [],
  }),
  reload: defineRoute({
    method: 'POST',
    path: '/api/admin/content/reload',
    operationId: 'reloadContent',
    tag: 'content',
    summary: 'Swaps in edited content if, and only if, it is valid (otherwise 422 with the errors).',
    access: { kind: 'role', roles: ['admin'], refusal: 'Only programme leads (admins) can reload content.' },
    responses: {
      200: {
        description: 'The new content is live.',
        schema: z.object({
          reloaded: z.literal(true),
          counts: z.object({
            themes: z.number().int(),
            guides: z.number().int(),
            resources: z.number().int(),
          }),
          warnings: z.array(z.object({ file: z.string(), field: z.string(), message: z.string() })),
        }),
      },
    },
    errors: ['CONTENT_INVALID'],
  }),
} as const;

/** A resource. */
export type Resource = z.infer<typeof ResourceSchema>;
/** A guide as listed under its theme. */
export type GuideSummary = z.infer<typeof GuideSummarySchema>;
/** A guide in the list of GET /api/guides. */
export type ListedGuide = z.infer<typeof ListedGuideSchema>;
/** One point of the plan. */
export type Theme = z.infer<typeof ThemeSchema>;
/** A guide in full. */
export type Guide = z.infer<typeof GuideSchema>;
/** Who a guide is written for. */
export type Audience = z.infer<typeof AudienceSchema>;
