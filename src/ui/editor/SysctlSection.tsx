/**
 * The sysctls the course turns: ip_forward, and arp_ignore, arp_announce, rp_filter and
 * accept_local for `all` and each interface (Linux combines them: the max of all and the
 * interface for arp_*, rp_filter; see ip-sysctl.rst). "unset" leaves Linux's default (0).
 */
import { type HostSpec, CONF_SYSCTL_VALUES } from '../../engine';
import { useT } from '../i18n/useI18n';
import { SelectField, type Choice } from './Field';

const KEYS = ['arp_ignore', 'arp_announce', 'rp_filter', 'accept_local'] as const;

export function SysctlSection({ host, hi }: { host: HostSpec; hi: number }) {
  const t = useT();
  const sysctl = host.sysctl ?? {};
  const at = (name: string) => ['hosts', hi, 'sysctl', name];
  const choices = (values: readonly number[]): Choice[] => [
    { value: '', label: t('editor.unset') },
    ...values.map((v) => ({ value: String(v), label: String(v) })),
  ];
  const value = (name: string) => (sysctl[name] === undefined ? '' : String(sysctl[name]));
  const scopes = ['all', ...host.interfaces.map((f) => f.name)];
  return (
    <section className="ed-section" aria-label={t('editor.sysctl')}>
      <h3>{t('editor.sysctl')}</h3>
      <div className="ed-row">
        <SelectField path={at('net.ipv4.ip_forward')} label="net.ipv4.ip_forward" value={value('net.ipv4.ip_forward')}
          choices={choices([0, 1])} toValue={Number} />
      </div>
      <table className="ed-sysctl">
        <thead>
          <tr><th scope="col" className="sr-only">{t('editor.setting')}</th>{scopes.map((scope) => <th scope="col" key={scope} className="mono">{scope}</th>)}</tr>
        </thead>
        <tbody>
          {KEYS.map((k) => (
            <tr key={k}>
              <th scope="row" className="mono">{k}</th>
              {scopes.map((scope) => {
                const name = `net.ipv4.conf.${scope}.${k}`;
                return (
                  <td key={scope}>
                    <SelectField path={at(name)} label={name} value={value(name)} choices={choices(CONF_SYSCTL_VALUES[k] ?? [0, 1])} toValue={Number} hideLabel />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
