/** A cookie-keeping client for the console's HTML forms (the browser test drives a real browser instead). */
import type { TestApp } from './app.js';

export interface ConsoleReply {
  status: number;
  headers: Headers;
  text: string;
}

export class ConsoleClient {
  cookie: string | null = null;

  constructor(readonly app: TestApp) {}

  async request(method: string, path: string, form?: Record<string, string>, headers: Record<string, string> = {}): Promise<ConsoleReply> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (form) h['content-type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(this.app.url + path, { method, headers: h, body: form ? new URLSearchParams(form).toString() : undefined, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = pair!.split('=');
      if (name === 'traq_console') this.cookie = value ? `${name}=${value}` : null;
    }
    return { status: res.status, headers: res.headers, text: await res.text() };
  }

  signIn(key: string) {
    return this.request('POST', '/console/sign-in', { key });
  }

  /** The CSRF token a console page embeds in its forms. */
  async csrf(path = '/console/devices'): Promise<string> {
    const page = await this.request('GET', path);
    const m = /name="csrf" value="([0-9a-f]{64})"/.exec(page.text);
    if (!m) throw new Error(`no CSRF token on ${path} (status ${page.status})`);
    return m[1]!;
  }
}
