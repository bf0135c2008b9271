import type { askRoutes } from '../../contract/ask';
import type { LiveAnswerer } from '../../core/answering/ask';
import type { Stores, Telemetry } from '../../core/ports';
import type { RouteContext } from '../http/route-table';

type Routes = typeof askRoutes;

/** POST /api/ask and the content team's view of unanswered questions. */
export class AskApi {
  constructor(
    private readonly answerer: LiveAnswerer,
    private readonly stores: Stores,
    private readonly telemetry: Telemetry,
  ) {}

  /**
   * POST /api/ask {"question"}: what the bot would answer, as JSON. Urgent support (immediate, or a check-in with
   * the guides to offer once the person is safe for now) comes with the signposting to show first.
   */
  ask({ body, send }: RouteContext<Routes['ask']>): void {
    const answerer = this.answerer.current();
    const result = answerer.ask(body.question);
    if (result.intent === 'urgent') {
      // Never the question, nor a guide id: only the level and that it came from the tab.
      const urgency = result.urgency ?? 'immediate';
      this.telemetry.event('urgent', { level: urgency, scope: 'tab' });
      send(200, {
        intent: 'urgent',
        urgency,
        about: result.about ?? 'self',
        answers: urgency === 'check-in' ? result.answers : [],
        urgentSupport: answerer.library.urgentSupport,
      });
      return;
    }
    this.telemetry.event('api.ask', { intent: result.intent, answered: result.answers.length > 0 });
    send(200, { intent: result.intent, answers: result.intent === 'guide' ? result.answers : [] });
  }

  /** GET /api/admin/unanswered?limit= (admins only): questions the bot could not answer confidently. */
  async unanswered({ query, send }: RouteContext<Routes['unanswered']>): Promise<void> {
    send(200, { questions: await this.stores.unanswered.list(query.limit) });
  }
}
