import { randomBytes } from 'node:crypto';
import type { Pool, PoolClient } from '../db/pool.js';
import { problems } from './problems.js';
import {
  findProjectByRef,
  findProjectClash,
  insertProject,
  listProjects,
  updateProject,
  type IListProjectsResult as ProjectRow,
} from '../queries/projects.queries.js';
import { recordEvent, type Actor } from './events.js';
import { clean } from './text.js';

export const projectView = (p: ProjectRow) => ({ project_id: p.project_id, project: p.name, project_slug: p.slug });

/** Lower case, runs of anything but [a-z0-9] → '-', trimmed of '-', fallback `project`. Applied to explicit slugs too (api.md §8.5 item 35). */
export function slugify(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'project'
  );
}

export const listProjectRows = (db: Pool) => listProjects.run(undefined, db);

/** By public project_id first, then by slug (case-insensitive). */
export async function findProject(db: Pool | PoolClient, ref: string): Promise<ProjectRow> {
  const [row] = await findProjectByRef.run({ ref: ref.trim() }, db);
  if (!row) throw problems.projectNotFound(ref);
  return row;
}

async function refuseClash(tx: PoolClient, name: string, slug: string, exceptId: string | null) {
  const [clash] = await findProjectClash.run({ name, slug, exceptId }, tx);
  if (clash?.name === name) throw problems.projectExists(name);
  if (clash) throw problems.projectSlugExists(slug);
}

/** A concurrent create that won the race after our check: the same 400, not a 500. */
async function uniqueOr400<T>(name: string, slug: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    const constraint = (err as { constraint?: string }).constraint;
    if (constraint === 'uq_projects_name') throw problems.projectExists(name);
    if (constraint === 'uq_projects_slug') throw problems.projectSlugExists(slug);
    throw err;
  }
}

export async function createProject(tx: PoolClient, actor: Actor, input: { project: string; project_slug?: string | null }): Promise<ProjectRow> {
  const name = clean(input.project);
  if (!name) throw problems.projectNameRequired();
  const slug = slugify(clean(input.project_slug) ?? name);
  await refuseClash(tx, name, slug, null);
  const [row] = await uniqueOr400(name, slug, () => insertProject.run({ projectId: `project_${randomBytes(6).toString('hex')}`, name, slug }, tx));
  await recordEvent(tx, { type: 'project_created', actor, payload: { project_id: row!.project_id, project: name, project_slug: slug } });
  return row!;
}

/** A rename without an explicit slug re-derives the slug from the new name. */
export async function updateProjectFields(tx: PoolClient, actor: Actor, ref: string, input: { project?: string | null; project_slug?: string | null }) {
  const current = await findProject(tx, ref);
  let name = current.name;
  if (input.project !== undefined && input.project !== null) {
    const n = clean(input.project);
    if (!n) throw problems.projectNameRequired();
    name = n;
  }
  const explicit = clean(input.project_slug);
  const slug = explicit ? slugify(explicit) : name !== current.name ? slugify(name) : current.slug;
  await refuseClash(tx, name, slug, current.id);
  const [row] = await uniqueOr400(name, slug, () => updateProject.run({ id: current.id, name, slug }, tx));
  await recordEvent(tx, { type: 'project_updated', actor, payload: { project_id: current.project_id, from: { project: current.name, project_slug: current.slug }, to: { project: name, project_slug: slug } } });
  return row!;
}
