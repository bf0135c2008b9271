import type { Request, Response } from 'restify';
import { z } from 'zod';
import type { LiveAnswerer } from '../../core/answering/ask';
import type { Stores, Telemetry } from '../../core/ports';
import { BODY_LIMITS, readJsonBody, validate } from '../http/body';
import { sendFailure } from '../http/responses';
import { queryOf } from './content-api';
import type { TabApi } from './tab-api';

const AskRequestSchema = z.object({ question: z.string().trim().min(1).max(500) }).strict();
const UnansweredQuerySchema = z
  .object({ limit: z.coerce.number().int().min(1).max(500).default(100) })
  .strict();

/** POST /api/ask and the content team's view of unanswered questions. */
export class AskApi {
  constructor(
    private readonly answerer: LiveAnswerer,
    private readonly tabApi: TabApi,
    private readonly stores: Stores,
    private readonly telemetry: Telemetry,
  ) {}

  /**
   * POST /api/ask {"question"}: what the bot would answer, as JSON. Urgent support (immediate, or a check-in with
   * the guides to offer once the person is safe for now) comes with the signposting to show first.
   */
  async ask(req: Request, res: Response): Promise<void> {
    if (!(await this.tabApi.authenticate(req, res))) return;
    const body = await readJsonBody(req, BODY_LIMITS.api);
    if (!body.ok) return sendFailure(res, body);
    const request = validate(AskRequestSchema, body.value);
    if (!request.ok) return sendFailure(res, request, request.problems);
    const answerer = this.answerer.current();
    const result = answerer.ask(request.value.question);
    if (result.intent === 'urgent') {
      // Never the question, nor a guide id: only the level and that it came from the tab.
      const urgency = result.urgency ?? 'immediate';
      this.telemetry.event('urgent', { level: urgency, scope: 'tab' });
      res.send(200, {
        intent: 'urgent',
        urgency,
        about: result.about ?? 'self',
        answers: urgency === 'check-in' ? result.answers : [],
        urgentSupport: answerer.library.urgentSupport,
      });
      return;
    }
    this.telemetry.event('api.ask', { intent: result.intent, answered: result.answers.length > 0 });
    res.send(200, { intent: result.intent, answers: result.intent === 'guide' ? result.answers : [] });
  }

  /** GET /api/admin/unanswered?limit= (admins only): questions the bot could not answer confidently. */
  async unanswered(req: Request, res: Response): Promise<void> {
    if (
      !(await this.tabApi.authorise(
        req,
        res,
        ['admin'],
        'Only programme leads (admins) can see unanswered questions.',
      ))
    ) {
      return;
    }
    const query = validate(UnansweredQuerySchema, queryOf(req));
    if (!query.ok) return sendFailure(res, query, query.problems);
    res.send(200, { questions: await this.stores.unanswered.list(query.value.limit) });
  }
}
