import { z } from 'zod';
import type { Api } from './api.js';

const ErrorBody = z.object({ detail: z.unknown(), code: z.string() });

function jsonSchema(schema: z.ZodType, io: 'input' | 'output') {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' });
}

/** The OpenAPI 3 document, generated from the same zod schemas the routes validate with. */
export function openApiDocument(api: Api, version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of api.routes) {
    const path = r.path.replace(/:([A-Za-z_]+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [['path', r.params], ['query', r.query]] as const) {
      if (!schema) continue;
      const js = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, s] of Object.entries(js.properties ?? {})) {
        parameters.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema: s });
      }
    }
    const security = r.auth === 'none' ? [] : [{ apiKey: [] }, { bearer: [] }];
    const responses: Record<string, unknown> = {
      '200': r.response
        ? { description: 'OK', content: { 'application/json': { schema: jsonSchema(r.response, 'output') } } }
        : { description: 'OK', content: { [r.produces ?? 'application/octet-stream']: {} } },
      default: { description: 'Error', content: { 'application/json': { schema: jsonSchema(ErrorBody, 'output') } } },
    };
    (paths[path] ??= {})[r.method] = {
      summary: r.summary,
      tags: [r.tag],
      security,
      ...(r.auth === 'admin' ? { description: 'Admin only (server admin key or an admin device token).' } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(r.body ? { requestBody: { required: !r.body.safeParse(undefined).success, content: { 'application/json': { schema: jsonSchema(r.body, 'input') } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.0.3',
    info: { title: 'traq-server', version, description: 'Back office for ISA TRAQ tree risk assessment field work.' },
    components: {
      securitySchemes: {
        apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
    },
    paths,
  };
}
