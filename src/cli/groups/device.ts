/** `traq-admin device ...`: the admin device endpoints (api.md §2.13 "Devices"). */
import type { Command } from 'commander';
import {
  adminIssueToken,
  approveDevice,
  DEVICE_ROLES,
  DEVICE_STATUSES,
  listDevices,
  MAX_TOKEN_TTL_SECONDS,
  revokeDevice,
  type serializeDevice,
} from '../../domain/devices.js';
import { choice, nonBlank, wholeNumber } from '../args.js';
import { notFound } from '../errors.js';
import { seg } from '../http.js';
import { printJson, printLine, printTable } from '../output.js';
import type { CommandGroup } from '../registry.js';
import type { Runtime } from '../runtime.js';

type Device = ReturnType<typeof serializeDevice>;
interface Token {
  access_token: string;
  token_type: string;
  expires_at: string;
  device_id: string;
  role: string;
}

export interface DeviceBackend {
  list(status?: string): Promise<Device[]>;
  approve(deviceId: string, role: string): Promise<Device>;
  revoke(deviceId: string): Promise<Device>;
  issueToken(deviceId: string, ttlSeconds?: number): Promise<Token>;
}

const backend = (rt: Runtime) =>
  rt.backend<DeviceBackend>({
    local: ({ pool, actor }) => ({
      list: async (status) => (await listDevices(pool, status)).devices,
      approve: async (id, role) => (await approveDevice(pool, actor, id, role)).device,
      revoke: async (id) => (await revokeDevice(pool, actor, id)).device,
      issueToken: (id, ttl) => adminIssueToken(pool, actor, id, ttl),
    }),
    remote: (api) => ({
      list: async (status) =>
        (await api.json<{ devices: Device[] }>('GET', `/v1/admin/devices${status ? `?status=${seg(status)}` : ''}`)).devices,
      approve: async (id, role) => (await api.json<{ device: Device }>('POST', `/v1/admin/devices/${seg(id)}/approve`, { role })).device,
      revoke: async (id) => (await api.json<{ device: Device }>('POST', `/v1/admin/devices/${seg(id)}/revoke`, {})).device,
      issueToken: (id, ttl) => api.json<Token>('POST', `/v1/admin/devices/${seg(id)}/issue-token`, ttl === undefined ? {} : { ttl_seconds: ttl }),
    }),
  });

const COLUMNS = ['device_id', 'device_name', 'status', 'role', 'created_at', 'last_seen_at'];

function showDevices(rt: Runtime, devices: Device[]) {
  if (rt.json) printJson({ ok: true, devices });
  else printTable(devices, COLUMNS, '(no devices)');
}

function showDevice(rt: Runtime, device: Device) {
  if (rt.json) printJson({ ok: true, device });
  else printTable([device], COLUMNS);
}

const role = () => choice('--role <role>', 'role to grant', DEVICE_ROLES, 'arborist');

export const deviceGroup: CommandGroup = {
  register(group: Command, rt: Runtime) {
    group
      .command('list')
      .description('List devices, oldest first')
      .addOption(choice('--status <status>', 'only devices in this status', DEVICE_STATUSES))
      .action(async (o: { status?: string }) => showDevices(rt, await (await backend(rt)).list(o.status)));

    group
      .command('pending')
      .description('List devices waiting for approval')
      .action(async () => showDevices(rt, await (await backend(rt)).list('pending')));

    group
      .command('validate')
      .description('Approve the N-th pending device (as listed by "device pending")')
      .option('--index <n>', 'position in the pending list, from 1', wholeNumber(1), 1)
      .addOption(role())
      .action(async (o: { index: number; role: string }) => {
        const b = await backend(rt);
        const pending = await b.list('pending');
        const device = pending[o.index - 1];
        if (!device) throw notFound(`No pending device at index ${o.index} (${pending.length} pending)`);
        showDevice(rt, await b.approve(device.device_id, o.role));
      });

    group
      .command('approve')
      .description('Approve a device with a role (from any status)')
      .argument('<device_id>', 'the device id', nonBlank)
      .addOption(role())
      .action(async (id: string, o: { role: string }) => showDevice(rt, await (await backend(rt)).approve(id, o.role)));

    group
      .command('revoke')
      .description('Revoke a device and every token it holds')
      .argument('<device_id>', 'the device id', nonBlank)
      .action(async (id: string) => showDevice(rt, await (await backend(rt)).revoke(id)));

    group
      .command('issue-token')
      .description('Issue a bearer token for an approved device (revokes its earlier tokens); shown once')
      .argument('<device_id>', 'the device id', nonBlank)
      .option('--ttl <seconds>', 'token lifetime in seconds (default 604800 = 7 days)', wholeNumber(1, MAX_TOKEN_TTL_SECONDS))
      .action(async (id: string, o: { ttl?: number }) => {
        const token = await (await backend(rt)).issueToken(id, o.ttl);
        if (rt.json) printJson({ ok: true, ...token });
        else {
          printLine(`token for ${token.device_id} (${token.role}), expires ${token.expires_at}:`);
          printLine(token.access_token);
        }
      });
  },
};
