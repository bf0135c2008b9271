import { z } from 'zod';
import { errorBodySchema } from '../../contract/errors';
import type { RouteDefinition } from '../../contract/route';
import type { ErrorCode } from '../../core/errors';
import { statusFor } from './responses';

/** A JSON Schema as embedded in the document. */
type JsonSchema = Record<string, unknown>;

/** An OpenAPI 3.1 document (only the parts this service writes). */
export type OpenApiDocument = {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { securitySchemes: Record<string, unknown>; schemas: Record<string, JsonSchema> };
};

/** One operation of the document. */
export interface OpenApiOperation {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  security: Record<string, string[]>[];
  'x-access': RouteDefinition['access'];
  parameters?: { name: string; in: 'path' | 'query'; required: boolean; schema: JsonSchema }[];
  requestBody?: { required: true; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, OpenApiResponse>;
}

/** One documented answer. */
export interface OpenApiResponse {
  description: string;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
  content?: Record<string, { schema: JsonSchema }>;
}

/** A zod schema as JSON Schema 2020-12 (requests as clients write them, answers as the service sends them). */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
}

/** A restify path (`/api/circles/:id`) as an OpenAPI path (`/api/circles/{id}`). */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');
}

function parametersOf(schema: z.ZodObject | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const object = jsonSchemaOf(schema, 'input');
  const properties = (object.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((object.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: property,
  }));
}

/** The stable error codes a route may answer, by status: its own and those its access and input imply. */
export function errorCodesOf(definition: RouteDefinition): Map<number, ErrorCode[]> {
  const codes = new Set<ErrorCode>(['INTERNAL', 'STORE_UNAVAILABLE', ...definition.errors]);
  if (definition.access.kind !== 'public') {
    for (const code of ['TOKEN_MISSING', 'TOKEN_INVALID', 'AUTH_KEYS_UNAVAILABLE', 'RATE_LIMITED'] as const) {
      codes.add(code);
    }
  }
  if (definition.access.kind === 'public' && definition.access.limitedByAddress) codes.add('RATE_LIMITED');
  if (definition.access.kind === 'role') codes.add('FORBIDDEN');
  if (definition.params || definition.query) codes.add('VALIDATION_FAILED');
  if (definition.body) {
    for (const code of [
      'BAD_JSON',
      'VALIDATION_FAILED',
      'BODY_TOO_LARGE',
      'UNSUPPORTED_MEDIA_TYPE',
    ] as const) {
      codes.add(code);
    }
  }
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) {
    const status = statusFor(code);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return byStatus;
}

function accessSentence(access: RouteDefinition['access']): string {
  switch (access.kind) {
    case 'public':
      return access.limitedByAddress
        ? 'Public (no token), limited per client address.'
        : 'Public (no token).';
    case 'signedIn':
      return 'Any signed-in person (a verified bearer token).';
    case 'role':
      return `Signed in with one of the roles: ${access.roles.join(', ')}.`;
  }
}

function operationOf(definition: RouteDefinition): OpenApiOperation {
  const responses: Record<string, OpenApiResponse> = {};
  for (const [status, spec] of Object.entries(definition.responses)) {
    const response: OpenApiResponse = { description: spec.description };
    if (spec.schema) {
      response.content = {
        [spec.contentType ?? 'application/json']: { schema: jsonSchemaOf(spec.schema, 'output') },
      };
    }
    if (spec.headers) {
      response.headers = Object.fromEntries(
        Object.entries(spec.headers).map(([name, description]) => [
          name,
          { description, schema: { type: 'string' } },
        ]),
      );
    }
    responses[status] = response;
  }
  for (const [status, codes] of [...errorCodesOf(definition)].sort(([a], [b]) => a - b)) {
    const response: OpenApiResponse = {
      description: `Refused or failed: ${codes.join(', ')}.`,
      content: { 'application/json': { schema: jsonSchemaOf(errorBodySchema(codes), 'output') } },
    };
    if (codes.includes('RATE_LIMITED')) {
      response.headers = {
        'Retry-After': {
          description: 'Whole seconds to wait before trying again.',
          schema: { type: 'string' },
        },
      };
    }
    responses[String(status)] = response;
  }
  const parameters = [...parametersOf(definition.params, 'path'), ...parametersOf(definition.query, 'query')];
  const description = [
    definition.description,
    accessSentence(definition.access),
    definition.localOnly ? 'Served only in local mode (refused in production).' : undefined,
  ]
    .filter((part) => part !== undefined)
    .join(' ');
  return {
    operationId: definition.operationId,
    tags: [definition.tag],
    summary: definition.summary,
    description,
    security: definition.access.kind === 'public' ? [] : [{ bearer: [] }],
    'x-access': definition.access,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(definition.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchemaOf(definition.body, 'input') } },
          },
        }
      : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of the given routes (served at GET /api/openapi.json). */
export function openApiDocument(definitions: readonly RouteDefinition[], version: string): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const definition of definitions) {
    const path = openApiPath(definition.path);
    paths[path] = { ...paths[path], [definition.method.toLowerCase()]: operationOf(definition) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Leading Compassionately API',
      version,
      description:
        'The JSON API behind the Teams tab. Every error answer is `{ "error": { "code", "message", "details"? } }` ' +
        'with a stable code; see docs/api.md for the catalogue, limits and headers.',
    },
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'An Entra ID token for the tab (Teams SSO), or a local token from POST /api/dev/token in local mode.',
        },
      },
      schemas: { ErrorBody: jsonSchemaOf(errorBodySchema(), 'output') },
    },
  };
}
