/**
 * `traq-admin net`: what a phone on this network would see — every `_traq._tcp` server
 * answering mDNS within the wait, with its address, port and TXT record. It needs no server
 * or database and is the same in both modes.
 */
import type { Command } from 'commander';
import { browseTraq } from '../../net/discovery.js';
import { wholeNumber } from '../args.js';
import { note, printTable, show } from '../output.js';
import type { CommandGroup } from '../registry.js';
import type { Runtime } from '../runtime.js';

export const netGroup: CommandGroup = {
  register(group: Command, rt: Runtime) {
    group
      .option('--wait <seconds>', 'how long to listen for answers', wholeNumber(1, 60), 3)
      .action(async (o: { wait: number }) => {
        const found = await browseTraq(o.wait * 1000, (err) => note(`mDNS: ${err.message}`));
        show(rt.json, { ok: true, servers: found }, () =>
          printTable(
            found.map((s) => ({ name: s.name, url: s.url, addresses: s.addresses.join(' '), api: s.txt.api, version: s.txt.version })),
            ['name', 'url', 'addresses', 'api', 'version'],
            `No traq server answered within ${o.wait} s (servers advertise when TRAQ_ENABLE_DISCOVERY is on; multicast must reach this machine)`,
          ),
        );
      });
  },
};
