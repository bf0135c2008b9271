import type { Request, Response, Server } from 'restify';
import type { AnswerOf, BodyOf, ParamsOf, QueryOf, RouteDefinition, StatusOf } from '../../contract/route';
import type { RateLimiter } from '../../core/rate-limit';
import type { SignedIn, TabApi } from '../api/tab-api';
import { BODY_LIMITS, queryOf, readJsonBody, validate } from './body';
import { allowedOrRefused, sendFailure } from './responses';

/** A restify handler as the service's fault guard wraps it. */
export type RawHandler = (req: Request, res: Response) => Promise<void>;

/** Who is calling a route: the verified caller and their roles, or nobody for a public route. */
export type CallerOf<D extends RouteDefinition> = D['access']['kind'] extends 'public' ? undefined : SignedIn;

/** What a route's handler receives: the request, already authorised and validated against its definition. */
export interface RouteContext<D extends RouteDefinition> {
  req: Request;
  res: Response;
  who: CallerOf<D>;
  params: ParamsOf<D>;
  query: QueryOf<D>;
  body: BodyOf<D>;
  /** Answers with one of the route's documented successful statuses and its body (typed by the definition). */
  send: <S extends StatusOf<D>>(
    status: S,
    ...body: AnswerOf<D, S> extends undefined ? [] : [AnswerOf<D, S>]
  ) => void;
}

/** A route's handler: domain work and the answer; refusals go through sendFailure with a stable code. */
export type RouteHandler<D extends RouteDefinition> = (context: RouteContext<D>) => Promise<void> | void;

/** What the table needs to authorise and guard every route. */
export interface RouteTableDependencies {
  server: Server;
  tabApi: TabApi;
  /** The per-address budget of public routes that declare `limitedByAddress`. */
  addressLimiter?: RateLimiter;
  now: () => Date;
  /** Wraps each handler with the service's fault handling (telemetry, 503 for store faults, 500 otherwise). */
  guard: (handler: RawHandler) => RawHandler;
}

/**
 * The one way a tab API route is registered: its definition (from contract/) decides who may call it and how the
 * path, query and body are validated, in that order (401/403/429, then 400/413/415), and the same definitions
 * generate the OpenAPI document, so what is served and what is documented cannot drift apart.
 */
export class RouteTable {
  private readonly registered: RouteDefinition[] = [];

  constructor(private readonly deps: RouteTableDependencies) {}

  /** Every route registered so far, in registration order. */
  definitions(): readonly RouteDefinition[] {
    return this.registered;
  }

  /** Registers one route: its definition and its handler. */
  add<const D extends RouteDefinition>(definition: D, handler: RouteHandler<D>): void {
    const clash = this.registered.find(
      (known) => known.method === definition.method && known.path === definition.path,
    );
    if (clash) throw new Error(`The route ${definition.method} ${definition.path} is registered twice.`);
    this.registered.push(definition);
    const guarded = this.deps.guard((req, res) => this.serve(definition, handler, req, res));
    const server = this.deps.server;
    switch (definition.method) {
      case 'GET':
        server.get(definition.path, guarded);
        break;
      case 'POST':
        server.post(definition.path, guarded);
        break;
      case 'PUT':
        server.put(definition.path, guarded);
        break;
      case 'PATCH':
        server.patch(definition.path, guarded);
        break;
      case 'DELETE':
        server.del(definition.path, guarded);
        break;
    }
  }

  private async serve<D extends RouteDefinition>(
    definition: D,
    handler: RouteHandler<D>,
    req: Request,
    res: Response,
  ): Promise<void> {
    const who = await this.caller(definition, req, res);
    if (who === false) return;
    let params: unknown;
    if (definition.params) {
      const checked = validate(definition.params, req.params as unknown);
      if (!checked.ok) return sendFailure(res, checked, checked.problems);
      params = checked.value;
    }
    let query: unknown;
    if (definition.query) {
      const checked = validate(definition.query, queryOf(req));
      if (!checked.ok) return sendFailure(res, checked, checked.problems);
      query = checked.value;
    }
    let body: unknown;
    if (definition.body) {
      const read = await readJsonBody(req, BODY_LIMITS.api);
      if (!read.ok) return sendFailure(res, read);
      const checked = validate(definition.body, read.value);
      if (!checked.ok) return sendFailure(res, checked, checked.problems);
      body = checked.value;
    }
    await handler({
      req,
      res,
      who: who as CallerOf<D>,
      params: params as ParamsOf<D>,
      query: query as QueryOf<D>,
      body: body as BodyOf<D>,
      send: (status, ...answer) => {
        if (answer.length === 0) res.send(status);
        else res.send(status, answer[0]);
      },
    });
  }

  /** The verified caller (undefined for a public route), or false once a refusal has been answered. */
  private async caller(
    definition: RouteDefinition,
    req: Request,
    res: Response,
  ): Promise<SignedIn | undefined | false> {
    const access = definition.access;
    switch (access.kind) {
      case 'public': {
        if (!access.limitedByAddress) return undefined;
        const key = `address:${req.socket.remoteAddress ?? 'unknown'}`;
        return allowedOrRefused(this.deps.addressLimiter, key, this.deps.now(), res) ? undefined : false;
      }
      case 'signedIn':
        return (await this.deps.tabApi.signedIn(req, res)) ?? false;
      case 'role':
        return (await this.deps.tabApi.authorise(req, res, access.roles, access.refusal)) ?? false;
    }
  }
}
