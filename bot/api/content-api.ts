import type { contentRoutes, GuideSummary, Resource as ResourceView } from '../../contract/content';
import { ErrorCodes, fail } from '../../core/errors';
import { AUDIENCES, isFor, pickByIds, type Guide, type Resource } from '../../core/content/model';
import type { ContentRegistry } from '../../core/content/registry';
import type { FeedbackStore, Telemetry } from '../../core/ports';
import { sendFailure } from '../http/responses';
import type { RouteContext } from '../http/route-table';

type Routes = typeof contentRoutes;

function resourceView(resource: Resource): ResourceView {
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

function guideSummary(guide: Guide): GuideSummary {
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
    private readonly telemetry: Telemetry,
    private readonly feedback: FeedbackStore,
    private readonly now: () => Date,
    /** One-way key of a person's vote on a guide (one vote per person per guide); none: every vote counts. */
    private readonly voterKey?: (guideId: string, userId: string) => string,
  ) {}

  /** GET /api/plan: the themes with their guides for managers (facilitator guides are in GET /api/guides). */
  plan({ send }: RouteContext<Routes['plan']>): void {
    const { themes, guides, resources } = this.registry.current();
    send(200, {
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
  guides({ query, send }: RouteContext<Routes['guides']>): void {
    const audiences = query.audience ? [query.audience] : AUDIENCES;
    const { themes, guides } = this.registry.current();
    send(200, {
      guides: themes.flatMap((theme) =>
        pickByIds(guides, theme.guideIds)
          .filter((guide) => isFor(guide, audiences))
          .map((guide) => ({ ...guideSummary(guide), themeId: theme.id })),
      ),
    });
  }

  /** GET /api/guides/:id. */
  guide({ res, params, send }: RouteContext<Routes['guide']>): void {
    const guide = this.registry.guide(params.id);
    if (!guide) return sendFailure(res, fail(ErrorCodes.NOT_FOUND, `There is no guide "${params.id}".`));
    const theme = this.registry.theme(guide.themeId);
    const { resources } = this.registry.current();
    this.telemetry.event('content.guideRead', { guideId: guide.id, channel: 'tab' });
    send(200, {
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
  async guideFeedback({
    res,
    who,
    params,
    body: vote,
    send,
  }: RouteContext<Routes['guideFeedback']>): Promise<void> {
    const caller = who.caller;
    const guide = this.registry.guide(params.id);
    if (!guide) return sendFailure(res, fail(ErrorCodes.NOT_FOUND, `There is no guide "${params.id}".`));
    const recorded = await this.feedback.recordGuideFeedback({
      guideId: guide.id,
      helpful: vote.helpful,
      actionId: `tab:${vote.voteId}`,
      at: this.now(),
      ...(this.voterKey ? { voterKey: this.voterKey(guide.id, caller.userId) } : {}),
    });
    this.telemetry.event('content.guideFeedback', {
      guideId: guide.id,
      helpful: vote.helpful,
      repeat: !recorded,
      channel: 'tab',
    });
    send(200, { recorded });
  }

  /** GET /api/resources?theme=&type=. */
  resources({ query, send }: RouteContext<Routes['resources']>): void {
    const { theme, type } = query;
    const matching = this.registry
      .current()
      .resources.filter((resource) => (theme ? resource.themeIds.includes(theme) : true))
      .filter((resource) => (type ? resource.type === type : true));
    send(200, { resources: matching.map(resourceView) });
  }

  /** POST /api/admin/content/reload (admins only): swap in edited content if, and only if, it is valid. */
  reload({ res, send }: RouteContext<Routes['reload']>): void {
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
    send(200, {
      reloaded: true,
      counts: { themes: themes.length, guides: guides.length, resources: resources.length },
      warnings: result.warnings,
    });
  }
}
