/** `traq-admin review inspect`: a round's stored review (api.md §2.13), through the round backend. */
import type { Command } from 'commander';
import { printRecord, show } from '../output.js';
import type { CommandGroup } from '../registry.js';
import type { Runtime } from '../runtime.js';
import { jobRound, roundBackend, withoutKeys, type JobRound } from './round.js';

export const reviewGroup: CommandGroup = {
  register(group: Command, rt: Runtime) {
    jobRound(group.command('inspect').description('The review payload of a round with a summary of it')).action(async (o: JobRound) => {
      const reply = await (await roundBackend(rt)).inspectReview(o.job, o.roundId);
      show(rt.json, reply, () => printRecord(withoutKeys(reply, 'payload')));
    });
  },
};
