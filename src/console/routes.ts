/**
 * The operator console under /console: server-rendered pages for the holder of
 * the admin key. Every page and action calls the same domain functions the
 * API's admin routes call (src/domain), with the admin-key principal, so no
 * rule exists twice. Reads are GET; every write is a POST that carries the
 * session's CSRF token, answered by a redirect (or by a page that must not be
 * reloaded, such as a newly issued token).
 */
import Router from '@koa/router';
import type { Context, Middleware } from 'koa';
import type { AppDeps } from '../http/app.js';
import { Problem } from '../domain/problems.js';
import { rateLimit } from '../http/middleware/rate-limit.js';
import { checkText } from '../http/text-input.js';
import { ConsoleAssets } from './assets.js';
import { readForm } from './form.js';
import { html, type Html } from './html.js';
import { page, type Section } from './layout.js';
import { closeSession, csrfMatches, currentSession, isAdminKey, openSession, type ConsoleSession } from './session.js';
import { deviceRoutes } from './pages/devices.js';
import { jobsRoutes } from './pages/jobs.js';
import { jobRoutes } from './pages/job.js';
import { mapRoutes } from './pages/map.js';
import { exportRoutes } from './pages/export.js';

export interface Console {
  deps: AppDeps;
  assets: ConsoleAssets;
}

export interface Signed extends Console {
  session: ConsoleSession;
}

export type GetHandler = (ctx: Context, c: Signed) => Promise<void>;
export type PostHandler = (ctx: Context, c: Signed, form: URLSearchParams) => Promise<void>;

export interface ConsoleRouter {
  get(path: string, handler: GetHandler): void;
  post(path: string, handler: PostHandler): void;
}

/** Sends a full console page; pages are never cached (they show live state and carry the CSRF token). */
export function send(ctx: Context, c: Console & { session: ConsoleSession | null }, o: { title: string; section: Section; body: Html; head?: Html; status?: number }) {
  ctx.status = o.status ?? 200;
  ctx.type = 'text/html; charset=utf-8';
  ctx.set('Cache-Control', 'no-store');
  ctx.body = page(c.assets, { ...o, session: c.session, done: ctx.query.done });
}

const csrfRefused = () =>
  new Problem(403, 'console_csrf_failed', 'This form was not sent from a current console page. Reload the page and try again.');
const sessionRequired = () => new Problem(401, 'console_session_required', 'Sign in to the console first.');

/** Content-Security-Policy: only our own scripts and styles; images also from the configured tile server. */
export function contentSecurityPolicy(tileUrl: string | undefined): string {
  const tiles = tileUrl ? /^https?:\/\/[^/]+/.exec(tileUrl)?.[0]?.replace(/\{s\}/g, '*') : undefined;
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data:${tiles ? ` ${tiles}` : ''}`,
    "media-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function signInPage(ctx: Context, c: Console, error?: string, status = 200) {
  send(ctx, { ...c, session: null }, {
    title: 'Sign in',
    section: null,
    status,
    body: html`<div class="signin card">
  <h1>Sign in</h1>
  ${ctx.query.signed_out ? html`<div class="flash" role="status">You are signed out.</div>` : ''}
  ${error ? html`<div class="error" role="alert">${error}</div>` : ''}
  <form method="post" action="/console/sign-in">
    <label for="key">Server admin key</label>
    <input type="password" id="key" name="key" autocomplete="off" required autofocus>
    <button type="submit" class="primary">Sign in</button>
  </form>
  <p class="muted small">The key is exchanged for a session that ends after 8 hours or at sign-out. Device tokens cannot sign in here.</p>
</div>`,
  });
}

const ASSETS = '/console/assets/';

/** This server's origin as the browser names it (Koa 3's ctx.origin echoes the Origin header instead). */
const ownOrigin = (ctx: Context) => `${ctx.protocol}://${ctx.host}`;

/** The same edge checks as the API's (src/http/text-input.ts): no NUL, no lone surrogate, bounded length. */
function checkUrlText(ctx: Context): void {
  checkText(ctx.params, 'path');
  checkText(ctx.query, 'query');
}

/** The console as one Koa middleware; requests outside /console pass through untouched. */
export function consoleMiddleware(deps: AppDeps): Middleware {
  const assets = new ConsoleAssets();
  const c: Console = { deps, assets };
  const router = new Router({ prefix: '/console' });
  const csp = contentSecurityPolicy(deps.config.consoleTileUrl);
  const signInLimit = rateLimit(deps.pool, { scope: 'console-sign-in', perMinute: deps.config.authRateLimitPerMinute });

  const r: ConsoleRouter = {
    get: (path, handler) =>
      router.get(path, async (ctx) => {
        const session = await currentSession(ctx, deps.pool, deps.adminKey);
        if (!session) return ctx.redirect('/console/sign-in');
        checkUrlText(ctx);
        await handler(ctx, { ...c, session });
      }),
    post: (path, handler) =>
      router.post(path, async (ctx) => {
        const session = await currentSession(ctx, deps.pool, deps.adminKey);
        if (!session) throw sessionRequired();
        // Defence in depth beside SameSite=Strict: a browser's Origin must be ours.
        const origin = ctx.get('origin');
        if (origin && origin !== ownOrigin(ctx)) throw csrfRefused();
        checkUrlText(ctx);
        const form = await readForm(ctx);
        if (!csrfMatches(session, form.get('csrf'))) throw csrfRefused();
        await handler(ctx, { ...c, session }, form);
      }),
  };

  router.get('/', (ctx) => ctx.redirect('/console/jobs'));
  router.get('/sign-in', async (ctx) => {
    if (await currentSession(ctx, deps.pool, deps.adminKey)) return ctx.redirect('/console/jobs');
    signInPage(ctx, c);
  });
  router.post('/sign-in', signInLimit, async (ctx) => {
    const form = await readForm(ctx);
    if (!isAdminKey(deps.adminKey, form.get('key')?.trim() ?? '')) {
      return signInPage(ctx, c, 'That is not the server admin key. (Device tokens, of any role, cannot sign in to the console.)', 401);
    }
    await openSession(ctx, deps.pool, deps.adminKey);
    ctx.status = 303;
    ctx.redirect('/console/jobs');
  });
  r.post('/sign-out', async (ctx) => {
    await closeSession(ctx, deps.pool);
    ctx.status = 303;
    ctx.redirect('/console/sign-in?signed_out=1');
  });

  deviceRoutes(r);
  jobsRoutes(r);
  jobRoutes(r);
  mapRoutes(r);
  exportRoutes(r);

  const routes = router.routes() as unknown as Middleware;
  /** Logged like the API's unexpected errors; the operator sees the request id, never internals. */
  const unexpected = (ctx: Context, caught: unknown) => {
    const e = caught as Error;
    deps.logger.error({ req_id: ctx.state.requestId, err: { message: e?.message, stack: e?.stack } }, 'unhandled console error');
    return new Problem(500, 'internal_error', `Something went wrong on the server (request ${ctx.state.requestId ?? 'unknown'}); the details are in the server log.`);
  };
  return async (ctx, next) => {
    if (ctx.path !== '/console' && !ctx.path.startsWith('/console/')) return next();
    ctx.set('Content-Security-Policy', csp);
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Referrer-Policy', 'same-origin');
    ctx.set('X-Frame-Options', 'DENY');
    if (ctx.method === 'GET' && ctx.path.startsWith(ASSETS) && assets.serve(ctx, ctx.path.slice(ASSETS.length))) return;
    try {
      await routes(ctx, async () => {
        throw new Problem(404, 'not_found', 'There is no such console page.');
      });
    } catch (caught) {
      const err = caught instanceof Problem ? caught : unexpected(ctx, caught);
      const session = await currentSession(ctx, deps.pool, deps.adminKey).catch(() => null);
      for (const [k, v] of Object.entries(err.headers)) ctx.set(k, v);
      const referer = ctx.get('referer');
      const back = referer.startsWith(`${ownOrigin(ctx)}/console/`) ? referer.slice(ownOrigin(ctx).length) : null;
      const detail = typeof err.detail === 'string' ? err.detail : JSON.stringify(err.detail);
      send(ctx, { ...c, session }, {
        title: 'Not done',
        section: null,
        status: err.status,
        body: html`<h1>Not done</h1><div class="error" role="alert" data-code="${err.code}">${detail}</div>
<p>${back ? html`<a href="${back}">Back</a> · ` : ''}<a href="/console/jobs">Jobs</a></p>`,
      });
    }
  };
}
