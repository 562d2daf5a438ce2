/**
 * `traq-admin customer ...` and `customer billing ...`: the admin customer and
 * billing-profile endpoints (api.md §2.13). Both have the same seven commands,
 * so one table of operations per kind drives both.
 */
import type { Command } from 'commander';
import {
  billingUsageReport,
  billingView,
  createBilling,
  deleteUnusedBilling,
  duplicateBilling,
  mergeBilling,
  searchBillingRows,
  updateBillingFields,
} from '../../domain/billing.js';
import {
  createCustomer,
  customerUsageReport,
  customerView,
  deleteUnusedCustomer,
  duplicateCustomers,
  mergeCustomers,
  searchCustomerRows,
  updateCustomerFields,
} from '../../domain/customers.js';
import { withTransaction } from '../../db/tx.js';
import { nonBlank } from '../args.js';
import { seg, type RemoteClient } from '../http.js';
import { printLine, printRecord, printTable, show } from '../output.js';
import type { CommandGroup } from '../registry.js';
import type { Runtime } from '../runtime.js';

type Reply = Record<string, unknown> & { ok: true };
type Fields = Record<string, string | undefined>;

/** The operations of one kind (customers or billing profiles); every reply is the HTTP reply body. */
export interface PartyBackend {
  list(search?: string): Promise<Reply>;
  duplicates(): Promise<Reply>;
  create(fields: Fields): Promise<Reply>;
  update(ref: string, fields: Fields): Promise<Reply>;
  usage(ref: string): Promise<Reply>;
  merge(source: string, into: string): Promise<Reply>;
  delete(ref: string): Promise<Reply>;
}

const remoteParty = (api: RemoteClient, base: string) =>
  ({
    list: (search) => api.json<Reply>('GET', `${base}${search ? `?search=${seg(search)}` : ''}`),
    duplicates: () => api.json<Reply>('GET', `${base}/duplicates`),
    create: (fields) => api.json<Reply>('POST', base, fields),
    update: (ref, fields) => api.json<Reply>('PATCH', `${base}/${seg(ref)}`, fields),
    usage: (ref) => api.json<Reply>('GET', `${base}/${seg(ref)}/usage`),
    merge: (source, into) => api.json<Reply>('POST', `${base}/${seg(source)}/merge`, { into }),
    delete: (ref) => api.json<Reply>('DELETE', `${base}/${seg(ref)}`),
  }) satisfies PartyBackend;

const customerBackend = (rt: Runtime) =>
  rt.backend<PartyBackend>({
    local: ({ pool, actor, principal }) => {
      const tx = <T>(work: Parameters<typeof withTransaction<T>>[1]) => withTransaction(pool, work);
      return {
        list: async (search) => ({ ok: true, customers: (await searchCustomerRows(pool, search)).map(customerView) }),
        duplicates: async () => ({ ok: true, duplicates: await duplicateCustomers(pool) }),
        create: (f) => tx(async (t) => ({ ok: true, customer: customerView(await createCustomer(t, actor, f)) })),
        update: (ref, f) => tx(async (t) => ({ ok: true, customer: customerView(await updateCustomerFields(t, actor, ref, f)) })),
        usage: (ref) => customerUsageReport(pool, ref),
        merge: (source, into) => tx((t) => mergeCustomers(t, principal, source, into)),
        delete: (ref) => tx((t) => deleteUnusedCustomer(t, actor, ref)),
      };
    },
    remote: (api) => remoteParty(api, '/v1/admin/customers'),
  });

const billingBackend = (rt: Runtime) =>
  rt.backend<PartyBackend>({
    local: ({ pool, actor, principal }) => {
      const tx = <T>(work: Parameters<typeof withTransaction<T>>[1]) => withTransaction(pool, work);
      return {
        list: async (search) => ({ ok: true, billing_profiles: (await searchBillingRows(pool, search)).map(billingView) }),
        duplicates: async () => ({ ok: true, duplicates: await duplicateBilling(pool) }),
        create: (f) => tx(async (t) => ({ ok: true, billing_profile: billingView(await createBilling(t, actor, f)) })),
        update: (ref, f) => tx(async (t) => ({ ok: true, billing_profile: billingView(await updateBillingFields(t, actor, ref, f)) })),
        usage: (ref) => billingUsageReport(pool, ref),
        merge: (source, into) => tx((t) => mergeBilling(t, principal, source, into)),
        delete: (ref) => tx((t) => deleteUnusedBilling(t, actor, ref)),
      };
    },
    remote: (api) => remoteParty(api, '/v1/admin/billing-profiles'),
  });

interface Kind {
  backend: (rt: Runtime) => Promise<PartyBackend>;
  noun: string;
  /** The reply key of a list and of one record. */
  many: string;
  one: string;
  columns: string[];
  /** CLI option → body field, for create and update. */
  options: [flags: string, description: string, field: string][];
  required?: string;
}

const CUSTOMER: Kind = {
  backend: customerBackend,
  noun: 'customer',
  many: 'customers',
  one: 'customer',
  columns: ['customer_code', 'name', 'phone', 'address', 'customer_id'],
  options: [
    ['--name <name>', 'customer name', 'name'],
    ['--phone <phone>', 'phone number', 'phone'],
    ['--address <address>', 'address', 'address'],
  ],
  required: 'name',
};

const BILLING: Kind = {
  backend: billingBackend,
  noun: 'billing profile',
  many: 'billing_profiles',
  one: 'billing_profile',
  columns: ['billing_code', 'billing_name', 'billing_contact_name', 'billing_address', 'contact_preference', 'billing_profile_id'],
  options: [
    ['--billing-name <name>', 'billing name', 'billing_name'],
    ['--billing-contact-name <name>', 'billing contact name', 'billing_contact_name'],
    ['--billing-address <address>', 'billing address', 'billing_address'],
    ['--contact-preference <pref>', 'contact preference', 'contact_preference'],
  ],
};

const camel = (field: string) => field.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
const fieldsOf = (kind: Kind, o: Record<string, string | undefined>): Fields =>
  Object.fromEntries(kind.options.map(([, , field]) => [field, o[camel(field)]]).filter(([, v]) => v !== undefined));

function registerKind(group: Command, rt: Runtime, kind: Kind) {
  const b = () => kind.backend(rt);
  const showOne = (reply: Reply) => show(rt.json, reply, () => printTable([reply[kind.one] as Record<string, unknown>], kind.columns));
  group
    .command('list')
    .description(`List ${kind.noun}s (code, name, phone, address matched with --search)`)
    .option('--search <text>', 'case-insensitive text to look for')
    .action(async (o: { search?: string }) => {
      const reply = await (await b()).list(o.search);
      show(rt.json, reply, () => printTable(reply[kind.many] as Record<string, unknown>[], kind.columns, `(no ${kind.noun}s)`));
    });
  group
    .command('duplicates')
    .description(`Groups of ${kind.noun}s that look like the same one`)
    .action(async () => {
      const reply = await (await b()).duplicates();
      show(rt.json, reply, () => {
        const groups = reply.duplicates as { count: number; records: Record<string, unknown>[] }[];
        if (groups.length === 0) printLine('(no duplicates)');
        for (const g of groups) printTable(g.records, kind.columns);
      });
    });
  const create = group.command('create').description(`Create a ${kind.noun}`);
  const update = group.command('update').description(`Change a ${kind.noun}'s fields (a blank value clears)`).argument('<ref>', 'id or code', nonBlank);
  for (const [flags, description, field] of kind.options) {
    if (field === kind.required) create.requiredOption(flags, description, nonBlank);
    else create.option(flags, description);
    update.option(flags, description);
  }
  create.action(async (o: Record<string, string>) => showOne(await (await b()).create(fieldsOf(kind, o))));
  update.action(async (ref: string, o: Record<string, string>) => showOne(await (await b()).update(ref, fieldsOf(kind, o))));
  group
    .command('usage')
    .description(`Jobs (and trees) of a ${kind.noun}`)
    .argument('<ref>', 'id or code', nonBlank)
    .action(async (ref: string) => {
      const reply = await (await b()).usage(ref);
      show(rt.json, reply, () => {
        printRecord({ ...(reply[kind.one] as object), job_count: reply.job_count, ...(reply.tree_count === undefined ? {} : { tree_count: reply.tree_count }) });
        printTable(reply.jobs as Record<string, unknown>[], ['job_number', 'job_id', 'status', 'tree_number'], '(no jobs)');
      });
    });
  group
    .command('merge')
    .description(`Move everything of <source> to the --into ${kind.noun} and delete <source>`)
    .argument('<source>', 'id or code', nonBlank)
    .requiredOption('--into <target>', 'id or code of the one to keep', nonBlank)
    .action(async (source: string, o: { into: string }) => {
      const reply = await (await b()).merge(source, o.into);
      show(rt.json, reply, () => printRecord(Object.fromEntries(Object.entries(reply).filter(([k]) => k !== 'ok'))));
    });
  group
    .command('delete')
    .description(`Delete a ${kind.noun} that nothing uses`)
    .argument('<ref>', 'id or code', nonBlank)
    .action(async (ref: string) => {
      const reply = await (await b()).delete(ref);
      show(rt.json, reply, () => printLine(`deleted ${JSON.stringify(reply[kind.one])}`));
    });
}

export const customerGroup: CommandGroup = {
  register(group: Command, rt: Runtime) {
    registerKind(group, rt, CUSTOMER);
    registerKind(group.command('billing').description('Billing profiles: the same commands'), rt, BILLING);
  },
};
