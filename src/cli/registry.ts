/**
 * The command groups of traq-admin (data-model §9). A group is one file in
 * ./groups exporting a CommandGroup; adding one is adding it to this list.
 *
 * Each group is imported only when its command runs (main.ts registers the
 * names and summaries, and loads the one group the arguments name): a group
 * pulls in its domain modules, queries and libraries, and `--help` or a
 * `device list` should not pay for every other group's.
 */
import type { Command } from 'commander';
import type { Runtime } from './runtime.js';

export interface CommandGroup {
  /** Adds the group's subcommands (or its own options and action) to `group`, already named and described. */
  register(group: Command, rt: Runtime): void;
}

export interface GroupEntry {
  name: string;
  summary: string;
  load(): Promise<CommandGroup>;
}

export const groups: GroupEntry[] = [
  { name: 'device', summary: 'Approve, revoke and list field devices; issue their tokens', load: async () => (await import('./groups/device.js')).deviceGroup },
  {
    name: 'customer',
    summary: 'Customers and (customer billing ...) billing profiles: list, find duplicates, edit, merge, delete',
    load: async () => (await import('./groups/customer.js')).customerGroup,
  },
  { name: 'project', summary: 'List, create and rename projects', load: async () => (await import('./groups/project.js')).projectGroup },
  { name: 'job', summary: 'Create and edit jobs, assign them to devices, force their status, inspect them', load: async () => (await import('./groups/job.js')).jobGroup },
  {
    name: 'round',
    summary: 'Create, reopen and inspect rounds; read or replace a manifest; submit or reprocess (remote)',
    load: async () => (await import('./groups/round.js')).roundGroup,
  },
  { name: 'review', summary: "Inspect a round's stored review", load: async () => (await import('./groups/review.js')).reviewGroup },
  { name: 'final', summary: "Inspect a job's final and correction; import one from a final.json", load: async () => (await import('./groups/final.js')).finalGroup },
  { name: 'artifact', summary: 'Download the outputs of a finalized job', load: async () => (await import('./groups/artifact.js')).artifactGroup },
  { name: 'export', summary: 'Read the export feed; download images and GeoJSON', load: async () => (await import('./groups/export.js')).exportGroup },
  { name: 'stage', summary: 'Build and curate staging bundles of completed jobs', load: async () => (await import('./groups/stage.js')).stageGroup },
  { name: 'import', summary: 'Move another server (the Python TRAQ server) into this one', load: async () => (await import('./groups/import.js')).importGroup },
  { name: 'backup', summary: 'Back up the database and the artifacts it names into a folder (local mode)', load: async () => (await import('./groups/backup.js')).backupGroup },
  {
    name: 'restore',
    summary: 'Restore a backup into an empty database and artifact store, and verify it (local mode)',
    load: async () => (await import('./groups/backup.js')).restoreGroup,
  },
  { name: 'tree', summary: 'Identify a tree species from photos (Pl@ntNet)', load: async () => (await import('./groups/tree.js')).treeGroup },
  { name: 'net', summary: 'List the traq servers advertised on this network (mDNS _traq._tcp)', load: async () => (await import('./groups/net.js')).netGroup },
];
