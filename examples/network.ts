/**
 * Builds a NAT network: guests on a host bridge get addresses from DHCP (a pool, and fixed
 * addresses for two known machines, which DNS also resolves by name) and reach the outside
 * through the host's NAT.
 *
 *   npx tsx examples/network.ts         # prints the network XML
 *
 * In your own code, import from 'libvirt-xml' instead of '../src/index.js'.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatNetwork, type Network } from '../src/index.js';

/** The network, built in code. */
export function natNetwork(): Network {
  const net: Network = {
    name: 'lab',
    uuid: '5b8e7c1a-2f4d-4e3b-8a6c-9d0e1f2a3b4c',
    forward: { mode: 'nat', nat: { port: { start: 1024, end: 65535 } } },
    bridge: { name: 'virbr10', stp: true, delay: 0 },
    mac: { address: '52:54:00:0a:7e:01' },
    domain: { name: 'lab.internal', localOnly: true },
    ip: [
      {
        address: '192.168.110.1',
        netmask: '255.255.255.0',
        dhcp: {
          range: [{ start: '192.168.110.100', end: '192.168.110.199', lease: { expiry: 12, unit: 'hours' } }],
          host: [
            { mac: '52:54:00:3a:91:0c', name: 'app-01', ip: '192.168.110.10' },
            { mac: '52:54:00:6b:3c:58', name: 'web-01', ip: '192.168.110.11' },
          ],
        },
      },
    ],
  };
  return net;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(formatNetwork(natNetwork()));
}
