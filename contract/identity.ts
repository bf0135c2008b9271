import { z } from 'zod';
import { ROLES } from '../core/identity';
import { defineRoute } from './route';

/** A role the service grants; `manager` is everyone's. */
export const RoleSchema = z.enum(ROLES);

/** GET /api/me: the caller's verified identity and roles. */
export const MeSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  name: z.string().nullable(),
  roles: z.array(RoleSchema),
});

/** GET /api/tab-settings: what the tab needs before sign-in. */
export const TabSettingsSchema = z.object({
  localIdentity: z.boolean(),
  clientId: z.string().nullable(),
  initiateLoginEndpoint: z.string().nullable(),
  /** Whether "Create the Teams meeting for me" is offered. */
  meetingCreation: z.boolean(),
});

/** The body of POST /api/dev/token. */
export const DevTokenRequestSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1)
      .max(80)
      .regex(/^[\p{L}\p{N} .,'-]+$/u, "use letters, numbers, spaces and . , ' - only"),
    role: RoleSchema,
  })
  .strict();

/** The answer of POST /api/dev/token. */
export const DevTokenSchema = z.object({ token: z.string(), expiresAt: z.string(), userId: z.string() });

/** A JSON Web Key Set (GET /api/dev/jwks). */
export const JwksSchema = z.object({ keys: z.array(z.looseObject({ kty: z.string() })) });

/** Identity, settings and health routes. */
export const identityRoutes = {
  health: defineRoute({
    method: 'GET',
    path: '/healthz',
    operationId: 'health',
    tag: 'service',
    summary: 'Whether the service and its store are serving (a write/read round trip on the store).',
    access: { kind: 'public', limitedByAddress: false },
    responses: { 200: { description: 'Serving.', schema: z.object({ status: z.literal('ok') }) } },
    errors: ['STORE_UNAVAILABLE'],
  }),
  tabSettings: defineRoute({
    method: 'GET',
    path: '/api/tab-settings',
    operationId: 'tabSettings',
    tag: 'identity',
    summary: 'What the tab needs before sign-in: the local identity switcher, the app client id.',
    access: { kind: 'public', limitedByAddress: true },
    responses: { 200: { description: 'The settings.', schema: TabSettingsSchema } },
    errors: [],
  }),
  openApi: defineRoute({
    method: 'GET',
    path: '/api/openapi.json',
    operationId: 'openApi',
    tag: 'service',
    summary: 'This document: every route of the API with its request and answer schemas (OpenAPI 3.1).',
    access: { kind: 'public', limitedByAddress: true },
    responses: {
      200: {
        description: 'The OpenAPI document.',
        schema: z.looseObject({ openapi: z.literal('3.1.0'), paths: z.record(z.string(), z.unknown()) }),
      },
    },
    errors: [],
  }),
  me: defineRoute({
    method: 'GET',
    path: '/api/me',
    operationId: 'me',
    tag: 'identity',
    summary: "The caller's verified identity and roles.",
    access: { kind: 'signedIn' },
    responses: { 200: { description: 'The caller.', schema: MeSchema } },
    errors: [],
  }),
  devToken: defineRoute({
    method: 'POST',
    path: '/api/dev/token',
    operationId: 'devToken',
    tag: 'identity',
    summary: 'Local mode only: a token for a named local user, who now holds exactly that role.',
    access: { kind: 'public', limitedByAddress: false },
    body: DevTokenRequestSchema,
    responses: { 200: { description: 'A signed token from the local issuer.', schema: DevTokenSchema } },
    errors: [],
    localOnly: true,
  }),
  devJwks: defineRoute({
    method: 'GET',
    path: '/api/dev/jwks',
    operationId: 'devJwks',
    tag: 'identity',
    summary: "Local mode only: the local issuer's public keys.",
    access: { kind: 'public', limitedByAddress: false },
    responses: { 200: { description: 'The key set.', schema: JwksSchema } },
    errors: [],
    localOnly: true,
  }),
} as const;

/** GET /api/me. */
export type Me = z.infer<typeof MeSchema>;
/** A role the service grants. */
export type Role = z.infer<typeof RoleSchema>;
/** GET /api/tab-settings. */
export type TabSettings = z.infer<typeof TabSettingsSchema>;
