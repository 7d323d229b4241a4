/**
 * `ipvsadm -A` services (VIP:port, scheduler, -p persistence) and their `-a` real servers
 * (-m masq, -g gate, -i ipip; -w weight; -x/-y thresholds), in ipvsadm's own words.
 */
import { type DestSpec, type HostSpec, type Scenario, type ServiceSpec, SCHEDULER_NAMES } from '../../engine';
import { useT } from '../i18n/useI18n';
import { useSim } from '../store/useSim';
import { ListButton, SelectField, TextField } from './Field';
import { ipv4, optional, RANGES } from './parsers';
import { plus, setIn, updateList, without, type Path } from './paths';

const METHODS: readonly DestSpec['method'][] = ['masq', 'gate', 'ipip'];

/** One `ipvsadm -a` line as a table row: the headers name the columns, each input keeps its full label. */
function DestRow({ d, at, onRemove }: { d: DestSpec; at: Path; onRemove: () => void }) {
  const t = useT();
  return (
    <tr>
      <td><TextField path={[...at, 'addr']} label={t('editor.rsAddr')} value={d.addr} parse={ipv4} size="addr" hideLabel /></td>
      <td><TextField path={[...at, 'port']} label={t('editor.port')} value={d.port} parse={RANGES.port} size="xs" hideLabel /></td>
      {/* ipvsadm's own short words; the header and the label say what they choose. */}
      <td><SelectField path={[...at, 'method']} label={t('editor.method')} value={d.method} hideLabel
        choices={METHODS.map((m) => ({ value: m, label: m }))} /></td>
      <td><TextField path={[...at, 'weight']} label={t('editor.weight')} value={d.weight} parse={optional(RANGES.weight)} placeholder="1" size="xs" hideLabel /></td>
      <td><TextField path={[...at, 'uThreshold']} label={t('editor.uThreshold')} value={d.uThreshold} parse={optional(RANGES.threshold)} placeholder="0" size="xs" hideLabel /></td>
      <td><TextField path={[...at, 'lThreshold']} label={t('editor.lThreshold')} value={d.lThreshold} parse={optional(RANGES.threshold)} placeholder="0" size="xs" hideLabel /></td>
      <td><ListButton kind="remove" label={t('editor.removeRs', { addr: d.addr })} onClick={onRemove} /></td>
    </tr>
  );
}

function DestTable({ dests, at }: { dests: readonly DestSpec[]; at: Path }) {
  const t = useT();
  const edit = useSim((s) => s.editScenario);
  if (dests.length === 0) return null;
  return (
    <table className="ed-dests">
      <thead>
        <tr>
          <th scope="col">{t('editor.rsAddr')}</th>
          <th scope="col">{t('editor.portShort')}</th>
          <th scope="col"><abbr title={t('editor.method')}>{t('editor.methodShort')}</abbr></th>
          <th scope="col">{t('editor.weight')}</th>
          <th scope="col"><abbr title={t('editor.uThreshold')}>{t('editor.uThresholdShort')}</abbr></th>
          <th scope="col"><abbr title={t('editor.lThreshold')}>{t('editor.lThresholdShort')}</abbr></th>
          <th scope="col"><span className="sr-only">{t('editor.removeApp')}</span></th>
        </tr>
      </thead>
      <tbody>
        {dests.map((d, k) => (
          <DestRow key={k} d={d} at={[...at, k]} onRemove={() => edit((s) => updateList(s, at, without(k)))} />
        ))}
      </tbody>
    </table>
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
      <DestTable dests={svc.dests} at={dests} />
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
