/**
 * The part of an nginx configuration that makes the course's layer-7 load balancer: an
 * `upstream NAME { server ADDR:PORT; … }` group and a `server { listen PORT; location / {
 * proxy_pass http://NAME; } }` that passes every request to it (nginx's round robin). Read from
 * what Debian's nginx.conf includes: /etc/nginx/conf.d/*.conf and /etc/nginx/sites-enabled/*.
 * A configuration without proxy_pass serves the web root, as before; any directive beyond these
 * is named in an lvs-flow message rather than silently ignored.
 */

export type NginxConf =
  | { kind: 'web-root' }
  | { kind: 'proxy'; listen: number; upstreams: string[] }
  | { kind: 'error'; message: string };

/** Directives that change nothing lvs-flow shows. */
const HARMLESS = new Set(['server_name', 'root', 'index', 'proxy_set_header', 'proxy_http_version']);

interface Block {
  readonly name: string;
  readonly args: string[];
  readonly body: Block[] | undefined;
}

/** nginx's tokens: words, `{`, `}`, `;`; `#` comments to the end of the line. */
function tokens(text: string): string[] {
  return text.replace(/#[^\n]*/g, '').replace(/([{};])/g, ' $1 ').split(/\s+/).filter((t) => t !== '');
}

function parseBlocks(toks: string[], at: { i: number }, nested: boolean): Block[] | string {
  const out: Block[] = [];
  let words: string[] = [];
  while (at.i < toks.length) {
    const t = toks[at.i++] as string;
    if (t === ';') {
      if (words.length > 0) out.push({ name: words[0] as string, args: words.slice(1), body: undefined });
      words = [];
    } else if (t === '{') {
      const body = parseBlocks(toks, at, true);
      if (typeof body === 'string') return body;
      out.push({ name: words[0] ?? '', args: words.slice(1), body });
      words = [];
    } else if (t === '}') {
      if (!nested) return 'unexpected "}"';
      return words.length > 0 ? `unexpected "}" after "${words.join(' ')}"` : out;
    } else words.push(t);
  }
  if (nested) return 'unexpected end of file, expecting "}"';
  return words.length > 0 ? `unexpected end of file, expecting ";" or "}" after "${words.join(' ')}"` : out;
}

const ENDPOINT = /^(\d{1,3}(?:\.\d{1,3}){3})(?::(\d{1,5}))?$/;

/** The proxy the configuration files describe, in the order nginx reads them. */
export function readNginxConf(files: ReadonlyArray<readonly [path: string, text: string]>): NginxConf {
  const groups = new Map<string, string[]>();
  let proxy: { listen: number; pass: string } | undefined;
  for (const [path, text] of files) {
    const blocks = parseBlocks(tokens(text), { i: 0 }, false);
    const fail = (message: string): NginxConf => ({ kind: 'error', message: `lvs-flow: nginx: ${path}: ${message}` });
    if (typeof blocks === 'string') return fail(blocks);
    for (const b of blocks) {
      if (b.name === 'upstream' && b.body) {
        const servers: string[] = [];
        for (const s of b.body) {
          const m = s.name === 'server' ? ENDPOINT.exec(s.args[0] ?? '') : null;
          if (!m) return fail(`only "server ADDRESS:PORT;" lines are simulated in an upstream block, found "${[s.name, ...s.args].join(' ')}"`);
          servers.push(`${m[1]}:${m[2] ?? '80'}`);
        }
        groups.set(b.args[0] ?? '', servers);
      } else if (b.name === 'server' && b.body) {
        let listen = 80;
        let pass: string | undefined;
        for (const d of b.body) {
          if (d.name === 'listen' && /^\d{1,5}$/.test(d.args[0] ?? '')) listen = Number(d.args[0]);
          else if (d.name === 'location' && d.body) {
            for (const l of d.body) {
              if (l.name === 'proxy_pass') pass = l.args[0];
              else if (!HARMLESS.has(l.name)) return fail(`"${l.name}" is not simulated (only proxy_pass in a location)`);
            }
          } else if (!HARMLESS.has(d.name)) return fail(`"${d.name}" is not simulated in a server block (only listen, location, server_name, root, index)`);
        }
        if (pass !== undefined) proxy = { listen, pass };
      } else return fail(`"${b.name}" is not simulated (only upstream and server blocks)`);
    }
  }
  if (!proxy) return { kind: 'web-root' };
  const target = /^http:\/\/([^/]+)\/?$/.exec(proxy.pass);
  if (!target) return { kind: 'error', message: `lvs-flow: nginx: proxy_pass "${proxy.pass}" is not simulated (expected http://UPSTREAM or http://ADDRESS:PORT)` };
  const name = target[1] as string;
  const direct = ENDPOINT.exec(name);
  const upstreams = groups.get(name) ?? (direct ? [`${direct[1]}:${direct[2] ?? '80'}`] : undefined);
  if (!upstreams || upstreams.length === 0) return { kind: 'error', message: `lvs-flow: nginx: no upstream "${name}" for proxy_pass` };
  return { kind: 'proxy', listen: proxy.listen, upstreams };
}
