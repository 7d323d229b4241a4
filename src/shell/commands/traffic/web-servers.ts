/**
 * Starting and stopping a host's web server, in every form labs type: `service apache2|nginx
 * start|stop|restart|reload`, `systemctl start|stop|restart|reload apache2|nginx[.service]`,
 * `/etc/init.d/apache2|nginx start|stop|restart|reload`, `apache2ctl start|stop|restart|graceful`,
 * and `python3 -m http.server [PORT]`. Apache and nginx listen on port 80 and serve
 * /var/www/html/index.html. As in the lab VM (which runs busybox httpd for each of them), the
 * commands print nothing; a start or restart (re)starts the server, a stop stops it. An unknown
 * service gets Debian's answer; forms the lab VM was not asked about get an lvs-flow message.
 */
import { startL7Proxy, startWebServer, stopWebServer } from '../../../engine';
import type { CommandContext, CommandFn } from '../../command';
import { readNginxConf, type NginxConf } from './nginx-conf';

const DAEMONS = new Set(['apache2', 'nginx']);
const HTTP_PORT = 80;

type Action = 'start' | 'stop' | 'restart';

/** The action a word names, as the init scripts take it (reload re-reads the configuration: the server keeps running). */
function actionOf(word: string | undefined): Action | 'reload' | undefined {
  switch (word) {
    case 'start':
    case 'stop':
    case 'restart':
    case 'reload':
      return word;
    case 'force-reload':
      return 'reload';
    default:
      return undefined;
  }
}

/** What Debian's nginx.conf includes: conf.d/*.conf, then sites-enabled/*. */
function nginxConf(ctx: CommandContext): NginxConf {
  return readNginxConf([...ctx.files.filesIn('/etc/nginx/conf.d').filter(([p]) => p.endsWith('.conf')), ...ctx.files.filesIn('/etc/nginx/sites-enabled')]);
}

/**
 * Runs the action on the host's server: nginx configured as a reverse proxy (upstream and
 * proxy_pass) proxies; otherwise port 80 serves the web root. Reload starts a server only if none
 * runs (as the lab VM does).
 */
function apply(ctx: CommandContext, action: Action | 'reload', daemon: string): number {
  const host = ctx.live.host(ctx.hostId);
  if (!host) return 1;
  const conf: NginxConf = daemon === 'nginx' ? nginxConf(ctx) : { kind: 'web-root' };
  if (conf.kind === 'error') {
    ctx.err(`${conf.message}\n`);
    return 1;
  }
  const port = conf.kind === 'proxy' ? conf.listen : HTTP_PORT;
  if (action === 'stop' || action === 'restart') stopWebServer(ctx.live, host, port);
  if (action === 'stop') return 0;
  if (conf.kind === 'proxy') startL7Proxy(ctx.live, host, port, conf.upstreams);
  else startWebServer(ctx.live, host, HTTP_PORT, ctx.files.page());
  return 0;
}

/** `service NAME ACTION` (sysvinit-utils' service script). */
export function service(ctx: CommandContext): number {
  const [name, word] = ctx.argv.slice(1);
  if (name === undefined) {
    ctx.err('lvs-flow: service: usage: service apache2|nginx start|stop|restart|reload\n');
    return 1;
  }
  if (!DAEMONS.has(name)) {
    ctx.err(`${name}: unrecognized service\n`);
    return 1;
  }
  return runInitScript(ctx, `/etc/init.d/${name}`, word);
}

/** `/etc/init.d/apache2 ACTION` and `/etc/init.d/nginx ACTION` (also what `service` runs). */
export function initScript(ctx: CommandContext): number {
  return runInitScript(ctx, ctx.argv[0] as string, ctx.argv[1]);
}

function runInitScript(ctx: CommandContext, script: string, word: string | undefined): number {
  const action = actionOf(word);
  if (action === undefined) {
    ctx.err(`lvs-flow: ${script}: only start, stop, restart, reload and force-reload are simulated\n`);
    return 1;
  }
  return apply(ctx, action, script.slice(script.lastIndexOf('/') + 1));
}

/** `systemctl ACTION UNIT…` for apache2 and nginx. */
export function systemctl(ctx: CommandContext): number {
  const [word, ...units] = ctx.argv.slice(1);
  const action = actionOf(word);
  if (action === undefined || units.length === 0) {
    ctx.err(`lvs-flow: systemctl: only start, stop, restart and reload of apache2 and nginx are simulated\n`);
    return 1;
  }
  for (const unit of units) {
    const name = unit.replace(/\.service$/, '');
    if (!DAEMONS.has(name)) {
      ctx.err(`Failed to ${word} ${name}.service: Unit ${name}.service not found.\n`);
      return 5;
    }
  }
  return apply(ctx, action, units.map((u) => u.replace(/\.service$/, '')).includes('nginx') ? 'nginx' : 'apache2');
}

/** `apache2ctl start|stop|restart|graceful|graceful-stop`. */
export function apache2ctl(ctx: CommandContext): number {
  const word = ctx.argv[1];
  const action = word === 'graceful' ? 'restart' : word === 'graceful-stop' ? 'stop' : actionOf(word);
  if (action === undefined || action === 'reload') {
    ctx.err('lvs-flow: apache2ctl: only start, stop, restart, graceful and graceful-stop are simulated\n');
    return 1;
  }
  return apply(ctx, action, 'apache2');
}

export const WEB_SERVER_COMMANDS: ReadonlyArray<[string, CommandFn]> = [
  ['service', service],
  ['systemctl', systemctl],
  ['/etc/init.d/apache2', initScript],
  ['/etc/init.d/nginx', initScript],
  ['apache2ctl', apache2ctl],
];
