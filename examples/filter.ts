/**
 * Builds a network filter for a web server guest (formatnwfilter.rst "Writing your own
 * filters"): no spoofing (the `clean-traffic` filter, referenced), SSH and HTTP(S)
 * connections in, DNS and ping out, replies to connections already accepted, and nothing
 * else. Connection tracking (`state`) lets the first packet of a connection decide: `NEW`
 * packets are accepted only for the listed ports, and only accepted connections become
 * `ESTABLISHED`.
 *
 *   npx tsx examples/filter.ts          # prints the filter XML
 *
 * A guest's interface uses it with `filterref: { filter: 'web-server' }`.
 * In your own code, import from 'libvirt-xml' instead of '../src/index.js'.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatFilter, type Filter } from '../src/index.js';

/** The filter, built in code. */
export function webServerFilter(): Filter {
  const filter: Filter = {
    name: 'web-server',
    chain: 'root',
    uuid: '0d2b6a4e-71f3-4c8a-b5e9-3f6a8c1d2e70',
    filterref: [{ filter: 'clean-traffic' }],
    rule: [
      // Packets of connections accepted before, both ways.
      { action: 'accept', direction: 'in', priority: 100, all: [{ state: 'ESTABLISHED' }] },
      { action: 'accept', direction: 'out', priority: 100, all: [{ state: 'ESTABLISHED,RELATED' }] },
      // New connections to SSH, HTTP and HTTPS.
      { action: 'accept', direction: 'in', tcp: [{ dstportstart: '22', state: 'NEW', comment: 'ssh' }] },
      { action: 'accept', direction: 'in', tcp: [{ dstportstart: '80', state: 'NEW', comment: 'http' }] },
      { action: 'accept', direction: 'in', tcp: [{ dstportstart: '443', state: 'NEW', comment: 'https' }] },
      // DNS lookups and ping from the guest.
      { action: 'accept', direction: 'out', udp: [{ dstportstart: '53', state: 'NEW' }] },
      { action: 'accept', direction: 'out', icmp: [{ type: '8', state: 'NEW' }] },
      // Everything else is dropped.
      { action: 'drop', direction: 'inout', priority: 1000, all: [{}] },
    ],
  };
  return filter;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(formatFilter(webServerFilter()));
}
