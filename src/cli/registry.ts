/**
 * The command groups of traq-admin (data-model §9). A group is one file in
 * ./groups exporting a CommandGroup; adding one is adding it to this list.
 */
import type { Command } from 'commander';
import { artifactGroup } from './groups/artifact.js';
import { backupGroup, restoreGroup } from './groups/backup.js';
import { customerGroup } from './groups/customer.js';
import { deviceGroup } from './groups/device.js';
import { exportGroup } from './groups/export.js';
import { finalGroup } from './groups/final.js';
import { importGroup } from './groups/import.js';
import { jobGroup } from './groups/job.js';
import { netGroup } from './groups/net.js';
import { projectGroup } from './groups/project.js';
import { reviewGroup } from './groups/review.js';
import { roundGroup } from './groups/round.js';
import { stageGroup } from './groups/stage.js';
import { treeGroup } from './groups/tree.js';
import type { Runtime } from './runtime.js';

export interface CommandGroup {
  name: string;
  summary: string;
  /** Adds the group's subcommands to `group` (already named and described). */
  register(group: Command, rt: Runtime): void;
}

export const groups: CommandGroup[] = [
  deviceGroup,
  customerGroup,
  projectGroup,
  jobGroup,
  roundGroup,
  reviewGroup,
  finalGroup,
  artifactGroup,
  exportGroup,
  stageGroup,
  importGroup,
  backupGroup,
  restoreGroup,
  treeGroup,
  netGroup,
];
