/**
 * The command groups of traq-admin (data-model §9). A group is one file in
 * ./groups exporting a CommandGroup; adding one is adding it to this list.
 * Still to come, one file each, from the issues that build their domains:
 * customer (+ customer billing), project, job, round, review, final.
 */
import type { Command } from 'commander';
import { artifactGroup } from './groups/artifact.js';
import { deviceGroup } from './groups/device.js';
import { exportGroup } from './groups/export.js';
import { stageGroup } from './groups/stage.js';
import type { Runtime } from './runtime.js';

export interface CommandGroup {
  name: string;
  summary: string;
  /** Adds the group's subcommands to `group` (already named and described). */
  register(group: Command, rt: Runtime): void;
}

export const groups: CommandGroup[] = [deviceGroup, exportGroup, artifactGroup, stageGroup];
