/** The host's traffic: HTTP clients (target VIP:port, how many requests, when) and servers. */
import type { AppSpec, HostSpec } from '../../engine';
import { useT } from '../i18n/useI18n';
import { useSim } from '../store/useSim';
import { ListButton, TextField } from './Field';
import { endpoint, optional, RANGES } from './parsers';
import { plus, updateList, without, type Path } from './paths';

export function ClientsSection({ host, hi }: { host: HostSpec; hi: number }) {
  const t = useT();
  const edit = useSim((s) => s.editScenario);
  const apps: Path = ['hosts', hi, 'apps'];
  const list = host.apps ?? [];
  return (
    <section className="ed-section" aria-label={t('editor.traffic')}>
      <h3>{t('editor.traffic')}</h3>
      {list.map((app, j) => {
        const at: Path = [...apps, j];
        const remove = <ListButton kind="remove" label={t('editor.removeApp')} onClick={() => edit((s) => updateList(s, apps, without(j)))} />;
        if (app.kind === 'http-client' || app.kind === 'udp-client') {
          return (
            <div className="ed-row" key={j}>
              <span className="ed-kind">{t('editor.client')}</span>
              <TextField path={[...at, 'target']} label={t('editor.target')} value={app.target} parse={endpoint} />
              <TextField path={[...at, 'requests']} label={t('editor.requests')} value={app.requests} parse={RANGES.requests} size="s" />
              <TextField path={[...at, 'startMs']} label={t('editor.startMs')} value={app.startMs} parse={optional(RANGES.ms)} placeholder="0" size="s" />
              {remove}
            </div>
          );
        }
        return (
          <div className="ed-row" key={j}>
            <span className="ed-kind">{t(app.kind === 'l7-proxy' ? 'editor.proxy' : 'editor.server')}</span>
            <TextField path={[...at, 'port']} label={t('editor.port')} value={app.port} parse={RANGES.port} size="s" />
            {remove}
          </div>
        );
      })}
      <div className="ed-row">
        <ListButton kind="add" label={t('editor.addClient')}
          onClick={() => edit((s) => updateList(s, apps, plus<AppSpec>({ kind: 'http-client', target: '192.0.2.100:80', requests: 1 })))} />
        <ListButton kind="add" label={t('editor.addServer')}
          onClick={() => edit((s) => updateList(s, apps, plus<AppSpec>({ kind: 'http-server', port: 80 })))} />
      </div>
    </section>
  );
}
