import type { Role, TabSettings, TokenProvider } from './api';

/** A local identity to act as outside Teams (local mode only). */
export interface LocalPersona {
  name: string;
  role: Role;
  label: string;
}

/** The people the identity switcher offers in local runs. */
export const LOCAL_PERSONAS: readonly LocalPersona[] = [
  { name: 'Jordan Lee', role: 'manager', label: 'Jordan Lee, ward manager' },
  { name: 'Asha Patel', role: 'facilitator', label: 'Asha Patel, circle facilitator' },
  { name: 'Demo Programme Lead', role: 'admin', label: 'Demo Programme Lead, admin' },
];

const PERSONA_KEY = 'lc.persona';
const REFRESH_MARGIN_MS = 60_000;

/** The persona chosen in this browser tab (kept in session storage), the first one by default. */
export function chosenPersona(): LocalPersona {
  const saved = window.sessionStorage.getItem(PERSONA_KEY);
  return LOCAL_PERSONAS.find((persona) => persona.name === saved) ?? LOCAL_PERSONAS[0]!;
}

/** Remembers the persona for this browser tab. */
export function choosePersona(persona: LocalPersona): void {
  window.sessionStorage.setItem(PERSONA_KEY, persona.name);
}

/** Tokens from the local issuer for a persona (`POST /api/dev/token`), reused until shortly before expiry. */
export function localTokens(persona: LocalPersona): TokenProvider {
  let cached: { token: string; expiresAt: number } | undefined;
  return async () => {
    if (cached && cached.expiresAt - REFRESH_MARGIN_MS > Date.now()) return cached.token;
    const response = await fetch('/api/dev/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: persona.name, role: persona.role }),
    });
    if (!response.ok) throw new Error(`The local issuer answered ${response.status}.`);
    const body = (await response.json()) as { token: string; expiresAt: string };
    cached = { token: body.token, expiresAt: Date.parse(body.expiresAt) };
    return cached.token;
  };
}

/**
 * Teams single sign-on: TeamsUserCredential asks Teams for the user's token (getAuthToken), which the service
 * validates. teamsfx is loaded on first use so the plan renders without waiting for it.
 */
export function teamsSsoTokens(settings: TabSettings): TokenProvider {
  let credential: Promise<{ getToken(scopes: string): Promise<{ token: string } | null> }> | undefined;
  return async () => {
    credential ??= import('@microsoft/teamsfx').then(
      ({ TeamsUserCredential }) =>
        new TeamsUserCredential({
          clientId: settings.clientId ?? '',
          initiateLoginEndpoint: settings.initiateLoginEndpoint ?? '',
        }),
    );
    const token = await (await credential).getToken('');
    if (!token) throw new Error('Teams did not give a sign-in token.');
    return token.token;
  };
}
