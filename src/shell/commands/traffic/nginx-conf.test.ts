import { describe, expect, it } from 'vitest';
import { ConsoleSession } from '../../session';
import { readNginxConf } from './nginx-conf';

const SITE = '/etc/nginx/sites-enabled/default';
const PROXY = 'upstream web {\n    server 10.0.0.2:80;\n    server 10.0.0.3;  # port 80\n}\nserver {\n    listen 8080 default_server;\n    server_name _;\n    location / {\n        proxy_pass http://web;\n    }\n}\n';

describe('readNginxConf', () => {
  it('reads an upstream group and the server that passes every request to it', () => {
    expect(readNginxConf([[SITE, PROXY]])).toEqual({ kind: 'proxy', listen: 8080, upstreams: ['10.0.0.2:80', '10.0.0.3:80'] });
  });

  it('takes a proxy_pass straight to an address, and a configuration without one serves the web root', () => {
    expect(readNginxConf([[SITE, 'server { location / { proxy_pass http://10.0.0.9:81/; } }']])).toEqual({ kind: 'proxy', listen: 80, upstreams: ['10.0.0.9:81'] });
    expect(readNginxConf([[SITE, 'server { listen 80; root /var/www/html; }']])).toEqual({ kind: 'web-root' });
    expect(readNginxConf([])).toEqual({ kind: 'web-root' });
  });

  it('names what it does not simulate and where, rather than ignoring it', () => {
    expect(readNginxConf([[SITE, 'server { location / { proxy_pass http://web; } }']])).toEqual({ kind: 'error', message: 'lvs-flow: nginx: no upstream "web" for proxy_pass' });
    expect(readNginxConf([[SITE, 'upstream web { least_conn; server 10.0.0.2; }']])).toEqual({ kind: 'error', message: `lvs-flow: nginx: ${SITE}: only "server ADDRESS:PORT;" lines are simulated in an upstream block, found "least_conn"` });
    expect(readNginxConf([[SITE, 'server { location / { proxy_pass http://web; }']])).toEqual({ kind: 'error', message: `lvs-flow: nginx: ${SITE}: unexpected end of file, expecting "}"` });
  });
});

describe('service nginx with a proxy configuration', () => {
  const lab = (): ConsoleSession => {
    const r = ConsoleSession.fromLab(new Map([
      ['lab.conf', 'C[0]="lan"\nD[0]="lan"\nRS1[0]="lan"\nRS2[0]="lan"\n'],
      ['C.startup', 'ip addr add 10.0.0.10/24 dev eth0\n'],
      ['D.startup', 'ip addr add 10.0.0.1/24 dev eth0\n'],
      ['RS1.startup', 'ip addr add 10.0.0.2/24 dev eth0\nservice apache2 start\n'],
      ['RS2.startup', 'ip addr add 10.0.0.3/24 dev eth0\nservice apache2 start\n'],
    ]));
    if (!r.ok) throw new Error(r.error);
    return r.session;
  };

  it('proxies to the upstreams in turn from its own address, and stops proxying at stop', () => {
    const s = lab();
    expect(s.shell.filesOf('D').write(SITE, PROXY, false)).toEqual({ ok: true });
    expect(s.type('D', 'service nginx start')).toEqual({ transcript: 'root@D:~# service nginx start\n', exitCode: 0 });
    expect(s.type('C', 'curl -s http://10.0.0.1:8080/').transcript).toBe('root@C:~# curl -s http://10.0.0.1:8080/\n<h1>RS1 10.0.0.2</h1>\n');
    expect(s.type('C', 'curl -s http://10.0.0.1:8080/').transcript).toBe('root@C:~# curl -s http://10.0.0.1:8080/\n<h1>RS2 10.0.0.3</h1>\n');
    expect(s.live.scenario().hosts.find((h) => h.id === 'D')?.apps).toEqual([{ kind: 'l7-proxy', port: 8080, upstreams: ['10.0.0.2:80', '10.0.0.3:80'] }]);
    s.type('D', 'service nginx stop');
    expect(s.type('C', 'curl -s http://10.0.0.1:8080/').exitCode).toBe(7);
  });

  it('refuses to start on a configuration it cannot read, saying why', () => {
    const s = lab();
    s.shell.filesOf('D').write(SITE, 'server { location / { proxy_pass http://nowhere; } }', false);
    expect(s.type('D', 'service nginx start')).toEqual({ transcript: 'root@D:~# service nginx start\nlvs-flow: nginx: no upstream "nowhere" for proxy_pass\n', exitCode: 1 });
  });
});
