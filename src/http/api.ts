/**
 * How every endpoint is declared: one object that reads top to bottom as the
 * request's path through the server (extra middleware such as rate limits,
 * then authentication, then validation of params, query and body, then the
 * handler), with the zod schemas that both validate the request and document
 * it in /openapi.json, so the contract document cannot drift from the code.
 *
 *   api.route({
 *     method: 'post', path: '/v1/auth/token', auth: 'none', summary: 'Issue a device token',
 *     body: TokenRequest, response: TokenResponse,
 *     handler: async (ctx, { body }) => issueToken(deps, body),
 *   });
 *
 * A handler returns the JSON body (status 200), or sets ctx.body itself
 * (files, streams) and returns undefined.
 */
import Router from '@koa/router';
import type { Context, Middleware } from 'koa';
import { z } from 'zod';
import type { Pool } from '../db/pool.js';
import { authenticate, type Principal } from '../domain/principal.js';
import { problems, type ValidationIssue } from '../domain/problems.js';
import { checkText } from './text-input.js';

export type AuthRequirement = 'none' | 'any' | 'admin';
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type PrincipalFor<A extends AuthRequirement> = A extends 'none' ? undefined : Principal;

export interface RouteInput<P, Q, B, A extends AuthRequirement> {
  params: P;
  query: Q;
  body: B;
  principal: PrincipalFor<A>;
}

export interface RouteSpec<
  A extends AuthRequirement,
  PS extends z.ZodType | undefined,
  QS extends z.ZodType | undefined,
  BS extends z.ZodType | undefined,
  RS extends z.ZodType | undefined,
> {
  method: Method;
  /** Koa router path, e.g. '/v1/jobs/:job_id'. */
  path: string;
  summary: string;
  tag: string;
  auth: A;
  /** Runs before authentication (rate limits, raw-body guards). */
  before?: Middleware[];
  params?: PS;
  query?: QS;
  body?: BS;
  /** Schema of the JSON answer (documentation); omit for file/stream answers and give `produces`. */
  response?: RS;
  produces?: string;
  handler: (ctx: Context, input: RouteInput<Out<PS>, Out<QS>, Out<BS>, A>) => Promise<(RS extends z.ZodType ? z.input<RS> : unknown) | void>;
}

interface DocumentedRoute {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  auth: AuthRequirement;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response?: z.ZodType;
  produces?: string;
}

/** zod issues in FastAPI's 422 shape: [{loc: ['body', 'device_id'], msg, type}]. */
export function toValidationIssues(where: 'body' | 'query' | 'path', error: z.ZodError): ValidationIssue[] {
  return error.issues.map((i) => ({
    loc: [where, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
    msg: i.message,
    type: i.code,
  }));
}

/** The credential a request carries: `x-api-key` first, then `Authorization: Bearer`. */
function presentedCredential(headers: Record<string, string | string[] | undefined>): string | undefined {
  const key = headers['x-api-key'];
  const apiKey = (Array.isArray(key) ? key[0] : key)?.trim();
  if (apiKey) return apiKey;
  const auth = headers['authorization'];
  const m = /^Bearer\s+(\S+)\s*$/i.exec((Array.isArray(auth) ? auth[0] : auth) ?? '');
  return m?.[1];
}

function parse<S extends z.ZodType | undefined>(schema: S, value: unknown, where: 'body' | 'query' | 'path'): Out<S> {
  if (!schema) return undefined as unknown as Out<S>;
  const r = schema.safeParse(value);
  if (!r.success) throw problems.validation(toValidationIssues(where, r.error));
  return r.data as Out<S>;
}

export class Api {
  readonly router = new Router();
  readonly routes: DocumentedRoute[] = [];

  constructor(private readonly deps: { pool: Pool; adminKey: string }) {}

  route<
    A extends AuthRequirement,
    PS extends z.ZodType | undefined = undefined,
    QS extends z.ZodType | undefined = undefined,
    BS extends z.ZodType | undefined = undefined,
    RS extends z.ZodType | undefined = undefined,
  >(spec: RouteSpec<A, PS, QS, BS, RS>): void {
    const { pool, adminKey } = this.deps;
    const run: Middleware = async (ctx) => {
      let principal: Principal | undefined;
      if (spec.auth !== 'none') {
        principal = await authenticate(pool, adminKey, presentedCredential(ctx.headers));
        if (spec.auth === 'admin' && !principal.isAdmin) throw problems.adminRequired();
        ctx.state.principal = principal;
      }
      if (ctx.state.bodyError) throw ctx.state.bodyError; // unreadable JSON body (app.ts), reported only after auth
      // koa-body reads an empty JSON body as '': that is "no body", as for an optional body in the old server.
      const raw = (ctx.request as { body?: unknown }).body;
      checkText(ctx.params, 'path');
      checkText(ctx.query, 'query');
      checkText(raw, 'body');
      const params = parse(spec.params as PS, ctx.params, 'path');
      const query = parse(spec.query as QS, ctx.query, 'query');
      const body = parse(spec.body as BS, raw === '' ? undefined : raw, 'body');
      const result = await spec.handler(ctx, { params, query, body, principal: principal as PrincipalFor<A> });
      if (result !== undefined) {
        ctx.status = 200;
        ctx.body = result;
      }
    };
    this.router[spec.method](spec.path, ...(spec.before ?? []), run);
    this.routes.push(spec as DocumentedRoute);
  }
}
