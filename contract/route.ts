import type { z } from 'zod';
import type { ErrorCode } from '../core/errors';
import type { Role } from '../core/identity';

/** The HTTP methods the API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call a route. `public`: no token (optionally limited per client address); `signedIn`: any verified
 * caller; `role`: a verified caller holding one of `roles` (otherwise 403 FORBIDDEN with `refusal`).
 */
export type Access =
  | { kind: 'public'; limitedByAddress: boolean }
  | { kind: 'signedIn' }
  | { kind: 'role'; roles: readonly Role[]; refusal: string };

/** One successful answer of a route: a JSON body (or another content type), or none. */
export interface ResponseSpec {
  description: string;
  /** The body's schema; absent for an empty answer (204). */
  schema?: z.ZodType;
  /** The body's media type when it is not JSON (the schema then describes the text). */
  contentType?: string;
  /** Headers the answer carries, by name, with a sentence each. */
  headers?: Record<string, string>;
}

/**
 * One route of the tab API, defined once: the service validates with it, the tab takes its types from it and
 * the OpenAPI document is generated from it. `errors` lists the route's own refusals; those that follow from
 * `access`, `params`, `query` and `body` (401, 403, 429, 400, 413, 415, 503) are added by the document.
 */
export interface RouteDefinition {
  method: HttpMethod;
  /** The path as restify writes it, with `:name` parameters. */
  path: string;
  /** A short name for the operation (the OpenAPI operationId). */
  operationId: string;
  /** The area it belongs to (the OpenAPI tag). */
  tag: string;
  summary: string;
  description?: string;
  access: Access;
  /** Path parameters, as an object schema with one string field per `:name`. */
  params?: z.ZodObject;
  /** The query string, as an object schema of strings. */
  query?: z.ZodObject;
  /** The JSON body. */
  body?: z.ZodType;
  /** Successful answers, by status. */
  responses: Readonly<Record<number, ResponseSpec>>;
  /** Stable error codes the handler itself may answer. */
  errors: readonly ErrorCode[];
  /** Served only by a local-mode service (never in production). */
  localOnly?: boolean;
}

/** Declares a route, keeping its literal types (so handlers and the tab get precise input and answer types). */
export function defineRoute<const D extends RouteDefinition>(definition: D): D {
  return definition;
}

type Output<S> = S extends z.ZodType ? z.output<S> : undefined;

/** The validated path parameters of a route. */
export type ParamsOf<D extends RouteDefinition> = Output<D['params']>;
/** The validated query of a route. */
export type QueryOf<D extends RouteDefinition> = Output<D['query']>;
/** The validated body of a route. */
export type BodyOf<D extends RouteDefinition> = Output<D['body']>;
/** What a client sends as a route's body (before defaults and trimming). */
export type RequestBodyOf<D extends RouteDefinition> = D['body'] extends z.ZodType
  ? z.input<D['body']>
  : undefined;
/** The successful statuses of a route. */
export type StatusOf<D extends RouteDefinition> = keyof D['responses'] & number;
/** The body a route answers with a given successful status. */
export type AnswerOf<
  D extends RouteDefinition,
  S extends StatusOf<D> = StatusOf<D>,
> = D['responses'][S] extends {
  schema: infer T;
}
  ? Output<T>
  : undefined;
