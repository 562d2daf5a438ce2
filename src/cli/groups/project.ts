/** `traq-admin project ...`: the admin project endpoints (api.md §2.13). */
import type { Command } from 'commander';
import { createProject, listProjectRows, projectView, updateProjectFields } from '../../domain/projects.js';
import { withTransaction } from '../../db/tx.js';
import { nonBlank } from '../args.js';
import { seg } from '../http.js';
import { printTable, show } from '../output.js';
import type { CommandGroup } from '../registry.js';
import type { Runtime } from '../runtime.js';

type Project = ReturnType<typeof projectView>;
type ProjectInput = { project?: string; project_slug?: string };

export interface ProjectBackend {
  list(): Promise<Project[]>;
  create(input: ProjectInput & { project: string }): Promise<Project>;
  update(ref: string, input: ProjectInput): Promise<Project>;
}

const backend = (rt: Runtime) =>
  rt.backend<ProjectBackend>({
    local: ({ pool, actor }) => ({
      list: async () => (await listProjectRows(pool)).map(projectView),
      create: (input) => withTransaction(pool, async (tx) => projectView(await createProject(tx, actor, input))),
      update: (ref, input) => withTransaction(pool, async (tx) => projectView(await updateProjectFields(tx, actor, ref, input))),
    }),
    remote: (api) => ({
      list: async () => (await api.json<{ projects: Project[] }>('GET', '/v1/admin/projects')).projects,
      create: async (input) => (await api.json<{ project: Project }>('POST', '/v1/admin/projects', input)).project,
      update: async (ref, input) => (await api.json<{ project: Project }>('PATCH', `/v1/admin/projects/${seg(ref)}`, input)).project,
    }),
  });

const COLUMNS = ['project', 'project_slug', 'project_id'];
const input = (o: { project?: string; projectSlug?: string }): ProjectInput => ({
  ...(o.project !== undefined ? { project: o.project } : {}),
  ...(o.projectSlug !== undefined ? { project_slug: o.projectSlug } : {}),
});

export const projectGroup: CommandGroup = {
  register(group: Command, rt: Runtime) {
    const showOne = (project: Project) => show(rt.json, { ok: true, project }, () => printTable([project], COLUMNS));
    group
      .command('list')
      .description('Projects, by name')
      .action(async () => {
        const projects = await (await backend(rt)).list();
        show(rt.json, { ok: true, projects }, () => printTable(projects, COLUMNS, '(no projects)'));
      });
    group
      .command('create')
      .description('Create a project (the slug comes from the name unless given)')
      .requiredOption('--project <name>', 'project name', nonBlank)
      .option('--project-slug <slug>', 'URL-safe short name', nonBlank)
      .action(async (o: { project: string; projectSlug?: string }) => showOne(await (await backend(rt)).create({ project: o.project, ...input(o) })));
    group
      .command('update')
      .description('Rename a project or change its slug')
      .requiredOption('--project-ref <ref>', 'project id or slug', nonBlank)
      .option('--project <name>', 'new name', nonBlank)
      .option('--project-slug <slug>', 'new slug', nonBlank)
      .action(async (o: { projectRef: string; project?: string; projectSlug?: string }) => showOne(await (await backend(rt)).update(o.projectRef, input(o))));
  },
};
