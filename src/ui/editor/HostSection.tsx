/** A host's names and role, its interfaces with their MACs and addresses (alias labels too). */
import type { HostRole, HostSpec, Scenario } from '../../engine';
import { useT } from '../i18n/useI18n';
import { useSim } from '../store/useSim';
import { ListButton, SelectField, TextField } from './Field';
import { cidr, ident, mac, optional, required } from './parsers';
import { getIn, plus, setIn, updateList, without, type Path } from './paths';
import { removeIface, renameIface } from './scenario-ops';

export const HOST_ROLES: readonly HostRole[] = ['client', 'router', 'director', 'real-server', 'proxy', 'server'];

function NameFields({ host, base }: { host: HostSpec; base: Path }) {
  const t = useT();
  // A name has both languages; typing the first one fills the other until it is edited.
  const name = (lang: 'en' | 'zh') => (s: Scenario, v: string): Scenario => {
    const cur = getIn(s, [...base, 'name']) as HostSpec['name'];
    return setIn(s, [...base, 'name'], { en: cur?.en ?? v, zh: cur?.zh ?? v, [lang]: v });
  };
  return (
    <>
      <TextField path={[...base, 'name', 'en']} label={t('editor.nameEn')} value={host.name?.en ?? host.id} parse={required} apply={name('en')} size="l" />
      <TextField path={[...base, 'name', 'zh']} label={t('editor.nameZh')} value={host.name?.zh ?? host.id} parse={required} apply={name('zh')} size="l" />
    </>
  );
}

export function HostSection({ host, hi }: { host: HostSpec; hi: number }) {
  const t = useT();
  const edit = useSim((s) => s.editScenario);
  const base: Path = ['hosts', hi];
  const ifaces: Path = [...base, 'interfaces'];
  return (
    <section className="ed-section" aria-label={t('editor.host')}>
      <h3>{t('editor.host')}</h3>
      <div className="ed-row">
        <NameFields host={host} base={base} />
        <SelectField path={[...base, 'role']} label={t('editor.role')} value={host.role}
          choices={HOST_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
      </div>
      <h3>{t('editor.interfaces')}</h3>
      {host.interfaces.map((f, j) => (
        <fieldset key={j} className="ed-group">
          <legend>{f.name}</legend>
          <div className="ed-row">
            <TextField path={[...ifaces, j, 'name']} label={t('editor.ifName')} value={f.name} parse={ident} size="s"
              apply={(s, name) => renameIface(s, hi, j, name)} />
            <TextField path={[...ifaces, j, 'mac']} label={t('editor.mac')} value={f.mac} parse={optional(mac)} placeholder={t('editor.auto')} />
            <ListButton kind="remove" label={t('editor.removeIface', { name: f.name })}
              onClick={() => edit((s) => removeIface(s, hi, j))} />
          </div>
          {f.addrs.map((a, k) => (
            <div className="ed-row" key={k}>
              <TextField path={[...ifaces, j, 'addrs', k, 'cidr']} label={t('editor.cidr')} value={a.cidr} parse={cidr} />
              <TextField path={[...ifaces, j, 'addrs', k, 'label']} label={t('editor.alias')} value={a.label} parse={optional(ident)} placeholder={f.name} size="s" />
              <ListButton kind="remove" label={t('editor.removeAddr', { addr: a.cidr })}
                onClick={() => edit((s) => updateList(s, [...ifaces, j, 'addrs'], without(k)))} />
            </div>
          ))}
          <ListButton kind="add" label={t('editor.addAddr')} testId={`add-addr-${hi}-${j}`}
            onClick={() => edit((s) => updateList(s, [...ifaces, j, 'addrs'], plus({ cidr: `192.0.2.${10 + f.addrs.length}/24` })))} />
        </fieldset>
      ))}
      <ListButton kind="add" label={t('editor.addIface')}
        onClick={() => edit((s) => updateList(s, ifaces, plus({ name: `eth${host.interfaces.length}`, addrs: [] })))} />
    </section>
  );
}
