import { z } from 'zod';
import { isTeamsJoinLink } from '../../core/circles/meeting-links';
import { ErrorCodes, fail, succeed, type Outcome } from '../../core/errors';
import type { CreatedOnlineMeeting, OnlineMeetingRequest, OnlineMeetings } from '../../core/meetings/ports';

/** The delegated Graph permission the service asks for on the facilitator's behalf. */
export const ONLINE_MEETINGS_SCOPE = 'https://graph.microsoft.com/OnlineMeetings.ReadWrite';

/** Where and as whom the service exchanges tokens and calls Graph. */
export interface GraphMeetingsSettings {
  /** The tab's Entra app (the audience of its SSO tokens) and its client secret. */
  clientId: string;
  clientSecret: string;
  tenantId: string;
  /** The Entra sign-in host, such as https://login.microsoftonline.com (tests: a fake on loopback). */
  loginUrl: string;
  /** The Graph host, such as https://graph.microsoft.com (tests: a fake on loopback). */
  graphUrl: string;
  /** How long one HTTP call may take. */
  timeoutMs: number;
}

const TokenAnswer = z.object({ access_token: z.string().min(1).max(16_384) });
const TokenError = z.object({
  error: z.string().max(200),
  error_description: z.string().max(4000).optional(),
  suberror: z.string().max(200).optional(),
});
const MeetingAnswer = z.object({ joinWebUrl: z.string().max(4096) });

/** Entra errors that mean the person (or their admin) must consent first (AADSTS65001 and friends). */
function needsConsent(error: z.infer<typeof TokenError>): boolean {
  return (
    error.error === 'interaction_required' ||
    error.error === 'consent_required' ||
    error.suberror === 'consent_required' ||
    /AADSTS65001/.test(error.error_description ?? '')
  );
}

/**
 * Creates Teams meetings through Microsoft Graph on the facilitator's behalf: the OAuth 2.0 on-behalf-of flow turns
 * the tab's SSO token into a delegated Graph token (`OnlineMeetings.ReadWrite`), then `POST /v1.0/me/onlineMeetings`
 * creates the meeting as theirs. Nothing is cached or stored; the tokens live for one request.
 */
export class GraphOnlineMeetings implements OnlineMeetings {
  constructor(
    private readonly settings: GraphMeetingsSettings,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async create(userAssertion: string, request: OnlineMeetingRequest): Promise<Outcome<CreatedOnlineMeeting>> {
    const token = await this.onBehalfOf(userAssertion);
    if (!token.ok) return token;
    const response = await this.call(`${this.settings.graphUrl.replace(/\/+$/, '')}/v1.0/me/onlineMeetings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token.value}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        subject: request.subject,
        startDateTime: request.startsAt.toISOString(),
        endDateTime: request.endsAt.toISOString(),
      }),
    });
    if (!response.ok) return response;
    const { status, body } = response.value;
    if (status === 401 || status === 403) {
      return fail(
        ErrorCodes.MEETING_CONSENT_REQUIRED,
        'Teams did not let the service create a meeting for you. Ask your administrator to allow online meeting creation (OnlineMeetings.ReadWrite), or paste a link instead.',
      );
    }
    const meeting = MeetingAnswer.safeParse(body);
    if (status !== 201 && status !== 200) return notCreated(`Teams answered ${status}`);
    if (!meeting.success || !isTeamsJoinLink(meeting.data.joinWebUrl)) {
      return notCreated('Teams did not return a join link');
    }
    return succeed({ joinUrl: meeting.data.joinWebUrl });
  }

  private async onBehalfOf(userAssertion: string): Promise<Outcome<string>> {
    const { loginUrl, tenantId, clientId, clientSecret } = this.settings;
    const response = await this.call(
      `${loginUrl.replace(/\/+$/, '')}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
          client_id: clientId,
          client_secret: clientSecret,
          assertion: userAssertion,
          scope: ONLINE_MEETINGS_SCOPE,
          requested_token_use: 'on_behalf_of',
        }).toString(),
      },
    );
    if (!response.ok) return response;
    const { status, body } = response.value;
    const answer = TokenAnswer.safeParse(body);
    if (status === 200 && answer.success) return succeed(answer.data.access_token);
    const error = TokenError.safeParse(body);
    if (error.success && needsConsent(error.data)) {
      return fail(
        ErrorCodes.MEETING_CONSENT_REQUIRED,
        'To create Teams meetings for you, the app needs your consent (or your administrator’s) to create online meetings. Paste a link instead for now.',
      );
    }
    return notCreated(
      `the sign-in service answered ${status}${error.success ? ` (${error.data.error})` : ''}`,
    );
  }

  private async call(url: string, init: RequestInit): Promise<Outcome<{ status: number; body: unknown }>> {
    let response: Response;
    try {
      response = await this.fetchImpl(url, { ...init, signal: AbortSignal.timeout(this.settings.timeoutMs) });
    } catch (error) {
      return notCreated(error instanceof Error ? error.message : 'the request failed');
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = text === '' ? undefined : (JSON.parse(text) as unknown);
    } catch {
      body = undefined;
    }
    return succeed({ status: response.status, body });
  }
}

function notCreated(reason: string): Outcome<never> {
  return fail(
    ErrorCodes.MEETING_NOT_CREATED,
    `The Teams meeting could not be created just now (${reason}). Try again, or paste a link instead.`,
  );
}
