import { describe, expect, it } from 'vitest';
import { getPreset, listPresets } from '../../engine';
import { exportLab } from './lab-export';

describe('exportLab', () => {
  it("writes lab.conf with the simulation's MACs and one startup file per host", () => {
    const r = exportLab(getPreset('nat-lab')!);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const conf = r.files.get('lab.conf') ?? '';
    expect(conf).toMatch(/^D\[0\]="[a-z0-9-]+\/02:00:00:00:0\d:01"$/m);
    expect(conf).toMatch(/^D\[1\]="/m);
    for (const h of getPreset('nat-lab')!.hosts) expect(r.files.has(`${h.id}.startup`)).toBe(true);
    expect(r.files.get('README.md')).toContain('kathara lstart');
  });

  it("turns IPVS rules into ipvsadm lines in the order they were added, and sysctls into sysctl -w where Kathará's differ", () => {
    const r = exportLab(getPreset('nat-lab')!);
    if (!r.ok) throw new Error(r.error);
    const d = r.files.get('D.startup') ?? '';
    expect(d).toContain('ipvsadm -A -t 20.20.20.11:80 -s rr\nipvsadm -a -t 20.20.20.11:80 -r 10.10.10.12:80 -m -w 1\nipvsadm -a -t 20.20.20.11:80 -r 10.10.10.13:80 -m -w 1\n');
    // Kathará forwards on every host; the client does not in the scenario.
    expect(r.files.get('C.startup')).toContain('sysctl -w net.ipv4.ip_forward=0\n');
    expect(d).not.toContain('ip_forward');
  });

  it('writes the clients\' requests as curl lines after their timing directive and a pause for the other hosts', () => {
    const r = exportLab(getPreset('dr-lab')!);
    if (!r.ok) throw new Error(r.error);
    expect(r.files.get('C.startup')).toMatch(/# lvs-flow: requests start=0 gap=100 hold=0\nsleep 5\n(curl -s http:\/\/10\.10\.10\.100\/\n)+$/);
  });

  it('exports every preset', () => {
    for (const p of listPresets()) expect(exportLab(getPreset(p.id)!).ok, p.id).toBe(true);
  });

  it('writes the layer-7 proxy as nginx: an upstream group and proxy_pass in the default site, then service nginx start', () => {
    const r = exportLab(getPreset('l7-overview')!);
    if (!r.ok) throw new Error(r.error);
    expect(r.files.get('D.startup')).toContain("echo -ne 'upstream lvs_flow {\\n    server 192.168.1.11:80;\\n    server 192.168.1.12:80;\\n    server 192.168.1.13:80;\\n    server 192.168.1.14:80;\\n}\\nserver {\\n    listen 80 default_server;\\n    location / {\\n        proxy_pass http://lvs_flow;\\n    }\\n}\\n' > /etc/nginx/sites-enabled/default\nservice nginx start\n");
    expect(r.files.get('README.md')).toContain("D's image needs nginx installed");
  });
});
