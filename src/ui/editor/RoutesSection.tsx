/** `ip route` lines: destination prefix or default, gateway, device, preferred source. */
import type { HostSpec } from '../../engine';
import { useT } from '../i18n/useI18n';
import { useSim } from '../store/useSim';
import { ListButton, TextField } from './Field';
import { ident, ipv4, optional, routeDst } from './parsers';
import { plus, updateList, without, type Path } from './paths';

export function RoutesSection({ host, hi }: { host: HostSpec; hi: number }) {
  const t = useT();
  const edit = useSim((s) => s.editScenario);
  const routes: Path = ['hosts', hi, 'routes'];
  return (
    <section className="ed-section" aria-label={t('editor.routes')}>
      <h3>{t('editor.routes')}</h3>
      {(host.routes ?? []).map((r, j) => (
        <div className="ed-row" key={j}>
          <TextField path={[...routes, j, 'dst']} label={t('editor.routeDst')} value={r.dst} parse={routeDst} />
          <TextField path={[...routes, j, 'via']} label={t('editor.via')} value={r.via} parse={optional(ipv4)} />
          <TextField path={[...routes, j, 'dev']} label={t('editor.dev')} value={r.dev} parse={optional(ident)} size="s" />
          <TextField path={[...routes, j, 'src']} label={t('editor.src')} value={r.src} parse={optional(ipv4)} />
          <ListButton kind="remove" label={t('editor.removeRoute', { dst: r.dst })} onClick={() => edit((s) => updateList(s, routes, without(j)))} />
        </div>
      ))}
      <ListButton kind="add" label={t('editor.addRoute')}
        onClick={() => edit((s) => updateList(s, routes, plus({ dst: 'default', dev: host.interfaces[0]?.name ?? 'eth0' })))} />
    </section>
  );
}
