/**
 * Where the lab hosts' commands live (Debian 12, PATH /usr/sbin:/usr/bin:/sbin:/bin), as `type`
 * found them on the oracle (awk-sed lab); `type`, `command -v` and `which` answer from here.
 */
export const COMMAND_PATHS: Readonly<Record<string, string>> = {
  ip: '/usr/sbin/ip', ipvsadm: '/usr/sbin/ipvsadm', ifconfig: '/usr/sbin/ifconfig', route: '/usr/sbin/route', arp: '/usr/sbin/arp',
  sysctl: '/usr/sbin/sysctl', modprobe: '/usr/sbin/modprobe', ping: '/usr/bin/ping', wget: '/usr/bin/wget', curl: '/usr/bin/curl',
  tcpdump: '/usr/bin/tcpdump', hostname: '/bin/hostname', cat: '/usr/bin/cat', seq: '/usr/bin/seq', grep: '/usr/bin/grep',
  head: '/usr/bin/head', tail: '/usr/bin/tail', wc: '/usr/bin/wc', sort: '/usr/bin/sort', uniq: '/usr/bin/uniq', cut: '/usr/bin/cut',
  tr: '/usr/bin/tr', tee: '/usr/bin/tee', yes: '/bin/yes', sleep: '/usr/bin/sleep', awk: '/usr/bin/awk', sed: '/usr/bin/sed',
};

/** bash's own commands among the ones the shell knows (the rest are programs). */
export const BASH_BUILTINS = new Set([
  'echo', 'printf', 'test', '[', 'true', 'false', ':', 'history', 'help', 'break', 'continue', 'read', 'set', 'shift', 'local',
  'export', 'unset', 'return', 'exit', 'let', 'type', 'command',
]);
