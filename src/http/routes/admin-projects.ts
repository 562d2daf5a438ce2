import { z } from 'zod';
import { createProject, listProjectRows, projectView, updateProjectFields } from '../../domain/projects.js';
import { withTransaction } from '../../db/tx.js';
import type { Api } from '../api.js';
import type { AppDeps } from '../app.js';
import { Project, ProjectList } from './job-schemas.js';

const ProjectReply = z.object({ ok: z.literal(true), project: Project });

/** Admin projects (api.md §2.13); slugs are always slugified. */
export function adminProjectRoutes(api: Api, deps: AppDeps) {
  const { pool } = deps;
  const tag = 'admin: projects';
  api.route({
    method: 'get',
    path: '/v1/admin/projects',
    tag,
    summary: 'Projects, by name',
    auth: 'admin',
    response: ProjectList,
    handler: async () => ({ ok: true as const, projects: (await listProjectRows(pool)).map(projectView) }),
  });
  api.route({
    method: 'post',
    path: '/v1/admin/projects',
    tag,
    summary: 'Create a project (slug derived from the name unless given; always slugified)',
    auth: 'admin',
    body: z.object({ project: z.string().max(255), project_slug: z.string().max(255).nullish() }),
    response: ProjectReply,
    handler: async (_ctx, { body, principal }) => withTransaction(pool, async (tx) => ({ ok: true as const, project: projectView(await createProject(tx, principal, body)) })),
  });
  api.route({
    method: 'patch',
    path: '/v1/admin/projects/:project_ref',
    tag,
    summary: 'Rename a project or change its slug (by project_id or slug)',
    auth: 'admin',
    params: z.object({ project_ref: z.string() }),
    body: z.object({ project: z.string().max(255).nullish(), project_slug: z.string().max(255).nullish() }),
    response: ProjectReply,
    handler: async (_ctx, { params, body, principal }) =>
      withTransaction(pool, async (tx) => ({ ok: true as const, project: projectView(await updateProjectFields(tx, principal, params.project_ref, body)) })),
  });
}
