/**
 * LAN discovery: the server advertises itself over mDNS/DNS-SD as `_traq._tcp` (instance
 * name, port, TXT `api=v1`, `version`, `path=/v1`) so a phone on the same network finds it
 * without typing an address, and `browseTraq` is what such a phone sees (`traq-admin net`).
 * bonjour-service (multicast-dns underneath) does the protocol. Discovery is a convenience:
 * every error it meets (socket bind, send, a name clash) is logged and swallowed here, never
 * thrown, so it can never end the process.
 */
import { Bonjour, type Service } from 'bonjour-service';
import type { Logger } from '../logger.js';

export const SERVICE_TYPE = 'traq';
export const API_VERSION = 'v1';

export interface DiscoveryOptions {
  name: string;
  port: number;
  version: string;
}

export interface Advertisement {
  stop(): Promise<void>;
}

/** multicast-dns reports socket errors as 'error' events on an emitter bonjour-service keeps private; without a listener they would be thrown. */
function ownErrors(bonjour: Bonjour, onError: (err: Error) => void): void {
  const mdns = (bonjour as unknown as { server?: { mdns?: NodeJS.EventEmitter } }).server?.mdns;
  mdns?.on('error', onError);
  mdns?.on('warning', onError);
}

export function advertise(opts: DiscoveryOptions, logger: Pick<Logger, 'info' | 'warn'>): Advertisement {
  const onError = (err: unknown) => logger.warn({ err: (err as Error)?.message ?? String(err) }, 'discovery: mDNS error (advertisement may be incomplete)');
  let bonjour: Bonjour | undefined;
  try {
    bonjour = new Bonjour({}, onError);
    ownErrors(bonjour, onError);
    const service = bonjour.publish({ name: opts.name, type: SERVICE_TYPE, protocol: 'tcp', port: opts.port, txt: { api: API_VERSION, version: opts.version, path: `/${API_VERSION}` } });
    service.on('error', onError);
    service.on('up', () => logger.info({ name: opts.name, type: `_${SERVICE_TYPE}._tcp`, port: opts.port }, 'discovery: advertised'));
  } catch (err) {
    onError(err);
  }
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        if (!bonjour) return resolve();
        const b = bonjour;
        bonjour = undefined;
        const timer = setTimeout(resolve, 1500); // goodbye packets are best effort
        try {
          b.unpublishAll(() => {
            try {
              b.destroy();
            } catch (err) {
              onError(err);
            }
            clearTimeout(timer);
            resolve();
          });
        } catch (err) {
          onError(err);
          clearTimeout(timer);
          resolve();
        }
      }),
  };
}

export interface FoundServer {
  name: string;
  host: string;
  port: number;
  addresses: string[];
  txt: Record<string, string>;
  /** The base URL a client would use (first IPv4 address, else the host name). */
  url: string;
}

/** Every `_traq._tcp` server that answers within `timeoutMs`. */
export function browseTraq(timeoutMs: number, onError: (err: Error) => void = () => {}): Promise<FoundServer[]> {
  return new Promise((resolve) => {
    const found = new Map<string, FoundServer>();
    let bonjour: Bonjour;
    try {
      bonjour = new Bonjour({}, onError);
      ownErrors(bonjour, onError);
      bonjour.find({ type: SERVICE_TYPE, protocol: 'tcp' }, (s: Service) => {
        const addresses = s.addresses ?? [];
        const ipv4 = addresses.find((a) => /^\d+\.\d+\.\d+\.\d+$/.test(a));
        const txt = Object.fromEntries(Object.entries((s.txt ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
        found.set(s.fqdn ?? s.name, { name: s.name, host: s.host, port: s.port, addresses, txt, url: `http://${ipv4 ?? s.host}:${s.port}` });
      });
    } catch (err) {
      onError(err as Error);
      return resolve([]);
    }
    setTimeout(() => {
      try {
        bonjour.destroy();
      } catch (err) {
        onError(err as Error);
      }
      resolve([...found.values()]);
    }, timeoutMs);
  });
}
