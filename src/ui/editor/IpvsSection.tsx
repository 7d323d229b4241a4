/**
 * `ipvsadm -A` services (VIP:port, scheduler, -p persistence) and their `-a` real servers
 * (-m masq, -g gate, -i ipip; -w weight; -x/-y thresholds), in ipvsadm's own words.
 */
import type { DestSpec, HostSpec, Scenario, ServiceSpec } from '../../engine/scenario/types';
import { SCHEDULER_NAMES } from '../../engine/ipvs/types';
import { useT } from '../i18n/useI18n';
import { useSim } from '../store/useSim';
import { ListButton, SelectField, TextField } from './Field';
import { ipv4, optional, RANGES } from './parsers';
import { plus, setIn, updateList, without, type Path } from './paths';

const METHODS: readonly DestSpec['method'][] = ['masq', 'gate', 'ipip'];

function DestRow({ d, at, onRemove }: { d: DestSpec; at: Path; onRemove: () => void }) {
  const t = useT();
  return (
    <div className="ed-row">
      <TextField path={[...at, 'addr']} label={t('editor.rsAddr')} value={d.addr} parse={ipv4} />
      <TextField path={[...at, 'port']} label={t('editor.port')} value={d.port} parse={RANGES.port} size="s" />
      <SelectField path={[...at, 'method']} label={t('editor.method')} value={d.method}
        choices={METHODS.map((m) => ({ value: m, label: t(`editor.methods.${m}`) }))} />
      <TextField path={[...at, 'weight']} label={t('editor.weight')} value={d.weight} parse={optional(RANGES.weight)} placeholder="1" size="s" />
      <TextField path={[...at, 'uThreshold']} label={t('editor.uThreshold')} value={d.uThreshold} parse={optional(RANGES.threshold)} placeholder="0" size="s" />
      <TextField path={[...at, 'lThreshold']} label={t('editor.lThreshold')} value={d.lThreshold} parse={optional(RANGES.threshold)} placeholder="0" size="s" />
      <ListButton kind="remove" label={t('editor.removeRs', { addr: d.addr })} onClick={onRemove} />
    </div>
  );
}

function ServiceBlock({ svc, at, onRemove }: { svc: ServiceSpec; at: Path; onRemove: () => void }) {
  const t = useT();
  const edit = useSim((s) => s.editScenario);
  const dests: Path = [...at, 'dests'];
  const persistence = (s: Scenario, v: number | undefined): Scenario =>
    setIn(s, [...at, 'persistence'], v === undefined ? undefined : { ...svc.persistence, timeoutS: v });
  return (
    <fieldset className="ed-group">
      <legend className="mono">{`${svc.proto.toUpperCase()} ${svc.vip}:${svc.port}`}</legend>
      <div className="ed-row">
        <SelectField path={[...at, 'proto']} label={t('editor.proto')} value={svc.proto} choices={[{ value: 'tcp', label: 'TCP' }, { value: 'udp', label: 'UDP' }]} />
        <TextField path={[...at, 'vip']} label={t('editor.vip')} value={svc.vip} parse={ipv4} />
        <TextField path={[...at, 'port']} label={t('editor.port')} value={svc.port} parse={RANGES.port} size="s" />
        <SelectField path={[...at, 'scheduler']} label={t('editor.scheduler')} value={svc.scheduler}
          choices={SCHEDULER_NAMES.map((n) => ({ value: n, label: n }))} />
        <TextField path={[...at, 'persistence', 'timeoutS']} label={t('editor.persistence')} value={svc.persistence?.timeoutS}
          parse={optional(RANGES.persistence)} placeholder={t('editor.off')} apply={persistence} size="s" />
        <ListButton kind="remove" label={t('editor.removeService')} onClick={onRemove} />
      </div>
      {svc.dests.map((d, k) => (
        <DestRow key={k} d={d} at={[...dests, k]} onRemove={() => edit((s) => updateList(s, dests, without(k)))} />
      ))}
      <ListButton kind="add" label={t('editor.addRs')}
        onClick={() => edit((s) => updateList(s, dests, plus<DestSpec>({ addr: `192.0.2.${10 + svc.dests.length}`, port: svc.port, method: svc.dests[0]?.method ?? 'masq' })))} />
    </fieldset>
  );
}

export function IpvsSection({ host, hi }: { host: HostSpec; hi: number }) {
  const t = useT();
  const edit = useSim((s) => s.editScenario);
  const services: Path = ['hosts', hi, 'ipvs', 'services'];
  const list = host.ipvs?.services ?? [];
  return (
    <section className="ed-section" aria-label={t('editor.ipvs')}>
      <h3>{t('editor.ipvs')}</h3>
      {list.map((svc, j) => (
        <ServiceBlock key={j} svc={svc} at={[...services, j]} onRemove={() => edit((s) => updateList(s, services, without(j)))} />
      ))}
      <ListButton kind="add" label={t('editor.addService')}
        onClick={() => edit((s) => updateList(s, services, plus<ServiceSpec>({ proto: 'tcp', vip: '192.0.2.100', port: 80, scheduler: 'rr', dests: [] })))} />
    </section>
  );
}
