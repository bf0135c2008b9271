import type { Request, Response } from 'restify';
import { z } from 'zod';
import { ErrorCodes, fail } from '../../core/errors';
import {
  AUDIENCES,
  isFor,
  pickByIds,
  RESOURCE_TYPES,
  THEME_IDS,
  type Guide,
  type Resource,
} from '../../core/content/model';
import type { ContentRegistry } from '../../core/content/registry';
import type { FeedbackStore, Telemetry } from '../../core/ports';
import { BODY_LIMITS, readJsonBody, validate } from '../http/body';
import { sendFailure } from '../http/responses';
import type { TabApi } from './tab-api';

const GuideIdSchema = z
  .string()
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a guide id');

/** The body of POST /api/guides/:id/feedback: the vote and a client-made id that makes a retry count once. */
const GuideFeedbackSchema = z
  .object({
    helpful: z.boolean(),
    voteId: z.string().uuid('must be a UUID made by the tab for this vote'),
  })
  .strict();

const ResourceQuerySchema = z
  .object({
    theme: z.enum(THEME_IDS).optional(),
    type: z.enum(RESOURCE_TYPES).optional(),
  })
  .strict();

/** GET /api/guides?audience=: one audience, or every audience when absent. */
const GuideListQuerySchema = z.object({ audience: z.enum(AUDIENCES).optional() }).strict();

/** The query string of a request as a plain object (the last value wins for repeated keys). */
export function queryOf(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url ?? '/', 'http://localhost').searchParams);
}

function resourceView(resource: Resource) {
  return {
    id: resource.id,
    type: resource.type,
    title: resource.title,
    publisher: resource.publisher,
    url: resource.url,
    themes: resource.themeIds,
    minutes: resource.minutes,
    description: resource.description,
    checked: resource.checked,
  };
}

function guideSummary(guide: Guide) {
  return {
    id: guide.id,
    title: guide.title,
    summary: guide.summary,
    readingMinutes: guide.readingMinutes,
    audiences: guide.audiences,
  };
}

/** The plan, guides and resources, guide votes and the admin reload. Every route authenticates first. */
export class ContentApi {
  constructor(
    private readonly registry: ContentRegistry,
    private readonly tabApi: TabApi,
    private readonly telemetry: Telemetry,
    private readonly feedback: FeedbackStore,
    private readonly now: () => Date,
    /** One-way key of a person's vote on a guide (one vote per person per guide); none: every vote counts. */
    private readonly voterKey?: (guideId: string, userId: string) => string,
  ) {}

  /** GET /api/plan: the themes with their guides for managers (facilitator guides are in GET /api/guides). */
  async plan(req: Request, res: Response): Promise<void> {
    if (!(await this.tabApi.authenticate(req, res))) return;
    const { themes, guides, resources } = this.registry.current();
    res.send(200, {
      themes: themes.map(({ guideIds, resourceIds, ...theme }) => ({
        ...theme,
        guides: pickByIds(guides, guideIds)
          .filter((guide) => isFor(guide, ['manager']))
          .map(guideSummary),
        resources: pickByIds(resources, resourceIds).map(resourceView),
      })),
    });
  }

  /** GET /api/guides?audience=manager|facilitator: guide summaries with their theme, in plan order. */
  async guides(req: Request, res: Response): Promise<void> {
    if (!(await this.tabApi.authenticate(req, res))) return;
    const query = validate(GuideListQuerySchema, queryOf(req));
    if (!query.ok) return sendFailure(res, query, query.problems);
    const audiences = query.value.audience ? [query.value.audience] : AUDIENCES;
    const { themes, guides } = this.registry.current();
    res.send(200, {
      guides: themes.flatMap((theme) =>
        pickByIds(guides, theme.guideIds)
          .filter((guide) => isFor(guide, audiences))
          .map((guide) => ({ ...guideSummary(guide), themeId: theme.id })),
      ),
    });
  }

  /** GET /api/guides/:id. */
  async guide(req: Request, res: Response): Promise<void> {
    if (!(await this.tabApi.authenticate(req, res))) return;
    const id = validate(GuideIdSchema, (req.params as Record<string, unknown>).id);
    if (!id.ok) return sendFailure(res, id, id.problems);
    const guide = this.registry.guide(id.value);
    if (!guide) return sendFailure(res, fail(ErrorCodes.NOT_FOUND, `There is no guide "${id.value}".`));
    const theme = this.registry.theme(guide.themeId);
    const { resources } = this.registry.current();
    this.telemetry.event('content.guideRead', { guideId: guide.id, channel: 'tab' });
    res.send(200, {
      id: guide.id,
      title: guide.title,
      summary: guide.summary,
      theme: { id: guide.themeId, number: theme?.number ?? null, title: theme?.title ?? guide.themeId },
      readingMinutes: guide.readingMinutes,
      wordCount: guide.wordCount,
      whyThisMatters: guide.whyThisMatters,
      tryThisToday: guide.tryThisToday,
      inclusiveLens: guide.inclusiveLens,
      questions: guide.questions,
      whereToGetHelp: guide.whereToGetHelp,
      keywords: guide.keywords,
      resources: pickByIds(resources, guide.resourceIds).map(resourceView),
      circleTopic: theme?.circleTopic ?? null,
      audiences: guide.audiences,
      owner: guide.owner,
      lastReviewed: guide.lastReviewed,
      whatChanged: guide.whatChanged ?? null,
    });
  }

  /**
   * POST /api/guides/:id/feedback {"helpful","voteId"}: an anonymous helpful / not-helpful vote. A token is
   * needed, but no identity is stored: a one-way key of person and guide keeps one vote per person per guide (a
   * repeat replaces the earlier vote); the vote id makes a retried request count once.
   */
  async guideFeedback(req: Request, res: Response): Promise<void> {
    const caller = await this.tabApi.authenticate(req, res);
    if (!caller) return;
    const id = validate(GuideIdSchema, (req.params as Record<string, unknown>).id);
    if (!id.ok) return sendFailure(res, id, id.problems);
    const body = await readJsonBody(req, BODY_LIMITS.api);
    if (!body.ok) return sendFailure(res, body);
    const vote = validate(GuideFeedbackSchema, body.value);
    if (!vote.ok) return sendFailure(res, vote, vote.problems);
    const guide = this.registry.guide(id.value);
    if (!guide) return sendFailure(res, fail(ErrorCodes.NOT_FOUND, `There is no guide "${id.value}".`));
    const recorded = await this.feedback.recordGuideFeedback({
      guideId: guide.id,
      helpful: vote.value.helpful,
      actionId: `tab:${vote.value.voteId}`,
      at: this.now(),
      ...(this.voterKey ? { voterKey: this.voterKey(guide.id, caller.userId) } : {}),
    });
    this.telemetry.event('content.guideFeedback', {
      guideId: guide.id,
      helpful: vote.value.helpful,
      repeat: !recorded,
      channel: 'tab',
    });
    res.send(200, { recorded });
  }

  /** GET /api/resources?theme=&type=. */
  async resources(req: Request, res: Response): Promise<void> {
    if (!(await this.tabApi.authenticate(req, res))) return;
    const query = validate(ResourceQuerySchema, queryOf(req));
    if (!query.ok) return sendFailure(res, query, query.problems);
    const { theme, type } = query.value;
    const matching = this.registry
      .current()
      .resources.filter((resource) => (theme ? resource.themeIds.includes(theme) : true))
      .filter((resource) => (type ? resource.type === type : true));
    res.send(200, { resources: matching.map(resourceView) });
  }

  /** POST /api/admin/content/reload (admins only): swap in edited content if, and only if, it is valid. */
  async reload(req: Request, res: Response): Promise<void> {
    if (
      !(await this.tabApi.authorise(req, res, ['admin'], 'Only programme leads (admins) can reload content.'))
    ) {
      return;
    }
    const result = this.registry.reload();
    this.telemetry.event('content.reload', { ok: result.ok, warnings: result.warnings.length });
    if (!result.ok) {
      return sendFailure(
        res,
        fail(ErrorCodes.CONTENT_INVALID, 'The content has errors; the previous content stays live.'),
        { errors: result.errors, warnings: result.warnings },
      );
    }
    const { themes, guides, resources } = result.library;
    res.send(200, {
      reloaded: true,
      counts: { themes: themes.length, guides: guides.length, resources: resources.length },
      warnings: result.warnings,
    });
  }
}
