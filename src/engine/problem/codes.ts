/**
 * Every problem code the engine writes (the address parsers, the scenario's version step, shape
 * check and cross-references), with its English sentence: the text the CLI prints and the
 * contract quotes. Codes are stable: never reword one into a different meaning, add a new one.
 * The UI's catalogues hold each under `problems.<code>` (a test checks en.json matches this
 * table word for word and zh-CN.json has every code). `what.*` and `type.*` are the parts a
 * sentence fills in: what was expected, what was found.
 */
import { phrasebook } from './phrase';

export const ENGINE_PROBLEMS = {
  // The address parsers (src/engine/addr).
  'ipv4.not-dotted-quad': '"{{text}}" is not an IPv4 address (expected four numbers 0-255 separated by dots, e.g. 10.10.10.100)',
  'ipv4.octet-too-large': '"{{text}}" is not an IPv4 address: {{octet}} is larger than 255',
  'ipv4.leading-zero': '"{{text}}" is not an IPv4 address: {{octet}} has a leading zero',
  'cidr.no-prefix': '"{{text}}" has no prefix length (expected an address with a prefix, e.g. 10.10.10.11/24)',
  'cidr.bad-prefix': '"{{text}}" has a bad prefix length "{{len}}" (expected a whole number 0-32)',
  'mac.malformed': '"{{text}}" is not a MAC address (expected six hex pairs separated by colons, e.g. 02:00:00:00:01:01)',
  'endpoint.no-port': '"{{text}}" is not an address:port (expected e.g. 10.10.10.100:80)',
  'endpoint.bad-address': '"{{text}}" is not an address:port: {{reason}}',
  'endpoint.bad-port': '"{{text}}" is not an address:port: port "{{port}}" is not a whole number 1-65535',
  'route-dst.not-a-network': '{{reason}}, or "default"',

  // The shape check (scenario/schema.ts), and the link's shape in the same words.
  'shape.missing': 'missing, expected {{expected}}',
  'shape.expected': 'expected {{expected}}',
  'shape.expected-found': 'expected {{expected}}, found {{found}}',
  'shape.has-spaces': '"{{text}}" has spaces in it (expected {{expected}})',
  'shape.unknown-field': 'unknown field, expected one of {{fields}}',
  'shape.unknown-field-either': 'unknown field, expected {{fields}} or {{last}}',
  'shape.invalid-type': 'Invalid type: Expected {{expected}} but received {{found}}',

  // What was expected.
  'what.object': 'an object',
  'what.array': 'an array',
  'what.string': 'a string',
  'what.number': 'a number',
  'what.text': 'text',
  'what.true-or-false': 'true or false',
  'what.valid-value': 'a valid value',
  'what.one-of': '{{choices}}',
  'what.literal': '{{value}}',
  'what.either': '{{choices}} or {{last}}',
  'what.whole-number': 'a whole number {{min}}-{{max}}',
  'what.format-version': 'a whole number (the format version; this app writes {{version}})',
  'what.items-between': '{{min}} to {{max}} items',
  'what.items-at-most': 'at most {{max}} items',
  'what.chars-at-most': 'at most {{max}} characters',
  'what.interface-name': 'an interface name such as eth0 (1-15 letters, digits, "_", "." or "-"; an alias such as eth0:0 is an address label)',
  'what.host-id': 'a host id such as C, D, RS1 (a letter, then up to 31 letters, digits, "_" or "-")',
  'what.segment-id': 'a segment id such as lan (a letter, then up to 31 letters, digits, "_" or "-")',
  'what.alias-label': 'an alias label such as eth0:0 or lo:0',
  'what.scenario-id': 'a scenario id (1-100 characters, no spaces)',
  'what.ipv4': 'an IPv4 address, e.g. 10.10.10.100',
  'what.cidr': 'an IPv4 address with its prefix length, as ip addr shows it, e.g. 10.10.10.11/24',
  'what.route-dst': '"default" or a network with its prefix length, e.g. 10.10.10.0/24',
  'what.mac': 'a MAC address, e.g. 02:00:00:00:01:01',
  'what.endpoint': 'an IPv4 address and a TCP port, e.g. 10.10.10.100:80',
  'what.none': 'none',

  // What was found, when it is a type rather than a value (valibot's words, JavaScript's typeof).
  'type.object': 'Object',
  'type.array': 'Array',
  'type.string': 'string',
  'type.number': 'number',
  'type.boolean': 'boolean',

  // The version step (scenario/migrate.ts) and checkScenario's last resorts.
  'version.newer': 'version {{version}} is newer than this app understands ({{current}})',
  'version.unknown': 'version {{version}} is not a scenario format version (expected {{oldest}}-{{current}})',
  'version.no-migration': 'version {{version}} cannot be upgraded: no migration from version {{version}} to {{next}}',
  'version.migration-failed': 'version {{version}} could not be upgraded to {{next}}: {{reason}}',
  'scenario.unreadable': 'could not be read ({{reason}})',
  'scenario.invalid': 'invalid',
  'problems.and-one-more': '{{line}} (and {{count}} more problem)',
  'problems.and-more': '{{line}} (and {{count}} more problems)',

  // Cross-references (scenario/validate.ts).
  'host.duplicate-id': '"{{id}}" is already the id of hosts[{{index}}]',
  'host.no-interface': 'host {{host}} has no interface "{{dev}}" (its interfaces are {{devices}})',
  'host.no-interface-or-all': 'host {{host}} has no interface "{{dev}}" (its interfaces are {{devices}}; or use all/default)',
  'interface.duplicate-name': 'host {{host}} already has an interface "{{name}}"',
  'interface.duplicate-mac': '{{mac}} is already the MAC of {{owner}}',
  'interface.multicast-mac': '"{{mac}}" is a multicast MAC (the low bit of the first byte is set); an interface needs a unicast MAC',
  'addr.loopback-listed': '127.0.0.1 is already on lo (every host has lo with 127.0.0.1/8; list only the addresses to add)',
  'addr.duplicate': '{{addr}} is already on {{dev}} (Linux refuses it: File exists)',
  'addr.bad-label': '"{{label}}" must be "{{dev}}" or begin with "{{dev}}:" (e.g. {{dev}}:0)',
  'route.host-bits': '"{{dst}}" has host bits set (expected the network, {{network}})',
  'route.duplicate': 'host {{host}} already has a route to {{dst}}',
  'route.duplicate-default': 'host {{host}} already has a route to default',
  'route.no-next-hop': 'expected "via" or "dev" (a route needs a next hop or a device)',
  'route.gateway-off-link': 'gateway {{via}} is not in any subnet of host {{host}} (Linux: Nexthop has invalid gateway)',
  'route.gateway-off-device': "gateway {{via}} is not in any subnet of host {{host}}'s {{dev}} (Linux: Nexthop has invalid gateway)",
  'route.src-not-local': '{{src}} is not an address of host {{host}} (a preferred source must be local)',
  'sysctl.unknown': 'unknown sysctl, expected net.ipv4.ip_forward or net.ipv4.conf.{all,default,<interface>}.{{keySet}}',
  'sysctl.bad-value': '{{value}} is not a valid {{key}} (expected {{allowed}})',
  'ipvs.unknown-scheduler': 'unknown scheduler "{{scheduler}}", expected one of {{names}}',
  'ipvs.unknown-sched-flag': 'unknown scheduler flag "{{flag}}", expected one of {{names}}',
  'ipvs.port-zero': 'expected a port 1-65535 (0 only with fwmark)',
  'ipvs.bad-netmask': '{{netmask}} is not a netmask (expected contiguous ones, e.g. 255.255.255.0)',
  'ipvs.duplicate-service': '{{service}} is already a service on {{host}} (ipvsadm: Service already exists)',
  'ipvs.duplicate-dest': '{{dest}} is already a real server of this service (ipvsadm: Destination already exists)',
  'app.port-in-use': 'host {{host}} already has an app listening on {{proto}} port {{port}}',
  'segment.duplicate-id': '"{{id}}" is already the id of another segment',
  'segment.link-ends': 'a link joins exactly 2 interfaces, found {{count}} (use kind "switch" for more)',
  'segment.no-host': 'no host "{{host}}" (hosts are {{hosts}})',
  'segment.virtual-device': '{{dev}} is a virtual device (loopback or IP-in-IP) and cannot attach to a segment',
  'segment.port-taken': '{{port}} is already attached to segment "{{segment}}" (an interface sits on one segment)',

  // A message from outside (valibot's own wording), shown as it came.
  'text.as-written': '{{text}}',
} as const;

export type ProblemCode = keyof typeof ENGINE_PROBLEMS;

/** say('mac.malformed', { text }) → the phrase; the compiler checks the code and its params. */
export const say = phrasebook(ENGINE_PROBLEMS);
