/**
 * The current packet as layers, Ethernet → IPv4 → [inner IPv4] → TCP, each field beside its
 * value on the previous hop when this hop changed it, and the host decisions that changed it.
 */
import type { IpJson, TcpJson } from '../../engine';
import { translateDynamic, type MessageKey } from '../i18n/i18n';
import { useT } from '../i18n/useI18n';
import { useCurrentPacket } from '../packets/useCurrentPacket';
import { currentEvent } from '../store/selectors';
import { useSim } from '../store/useSim';
import { innerOf } from '../trace/event-row';
import { noteText } from '../trace/note-text';
import type { FieldChange, Layer } from '../trace/packet-diff';

interface Field {
  key: MessageKey;
  value: string | number;
  before?: string | number | undefined;
  /** A rewrite the lesson is about (DNAT, SNAT, DR's MAC), or what every hop changes (MACs, TTL). */
  change?: 'rewrite' | 'routine';
}

function LayerTable({ title, fields, testId, isNew }: { title: string; fields: Field[]; testId: string; isNew?: boolean }) {
  const t = useT();
  return (
    <section className={`layer${isNew ? ' is-new' : ''}`} data-testid={testId}>
      <h3>{title}{isNew ? <span className="badge">{t('inspector.encap')}</span> : null}</h3>
      <table>
        <tbody>
          {fields.map((f) => (
            <tr key={f.key} className={f.change ? `is-${f.change}` : undefined} data-testid={f.change === 'rewrite' ? 'changed-field' : undefined}>
              <th scope="row">{t(f.key)}</th>
              <td className="mono">
                {f.value}
                {f.change && f.before !== undefined ? <span className="was">{t('inspector.before', { value: f.before })}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Every hop rewrites the MACs and decrements the TTL: those are routine, unless DR's MAC-only rewrite. */
const isRoutine = (c: FieldChange, macRewrite: boolean) =>
  (c.layer === 'eth' && !(macRewrite && c.field === 'dst')) || c.field === 'ttl';

const withChanges = (layer: Layer, changes: readonly FieldChange[], fields: Field[], names: Record<string, string>, macRewrite = false): Field[] =>
  fields.map((f) => {
    const c = changes.find((x) => x.layer === layer && names[x.field] === f.key);
    return c ? { ...f, change: isRoutine(c, macRewrite) ? 'routine' : 'rewrite', before: c.before } : f;
  });

const IP_NAMES = { src: 'inspector.src', dst: 'inspector.dst', ttl: 'inspector.ttl' };
const TCP_NAMES = { sport: 'inspector.sport', dport: 'inspector.dport' };

const ipFields = (ip: IpJson): Field[] => [
  { key: 'inspector.src', value: ip.src }, { key: 'inspector.dst', value: ip.dst },
  { key: 'inspector.ttl', value: ip.ttl }, { key: 'inspector.proto', value: ip.proto },
];
const tcpFields = (tcp: TcpJson): Field[] => [
  { key: 'inspector.sport', value: tcp.sport }, { key: 'inspector.dport', value: tcp.dport },
  { key: 'inspector.flags', value: tcp.flags.join(', ') }, { key: 'inspector.seq', value: tcp.seq },
  { key: 'inspector.ack', value: tcp.ack }, { key: 'inspector.len', value: tcp.len },
];

export default function PacketInspector() {
  const t = useT();
  const packet = useCurrentPacket();
  const event = useSim(currentEvent);
  const trace = useSim((s) => s.trace);
  const hosts = useSim((s) => s.hostIndex);
  const lang = useSim((s) => s.language);
  if (!trace || !hosts || !event) return <p className="muted">{t('inspector.none')}</p>;
  const mac = (m: string) => {
    const owner = hosts.macOwner.get(m);
    return owner ? `${m} (${hosts.short(owner, lang)})` : m;
  };

  if (event.kind === 'action') return <p className="muted">{t('inspector.none')}</p>;
  const ip = event.ip;
  const changes = packet?.changes ?? [];
  const inner = innerOf(ip);
  const l4 = inner?.tcp ?? ip?.tcp;
  const encap = changes.some((c) => c.field === 'encap');
  const macRewrite = packet?.label?.kind === 'ip' && packet.label.rewrites.includes('mac');
  return (
    <div className="inspector" data-testid="packet-inspector">
      {event.kind === 'drop' ? (
        <p className="drop-line" data-testid="drop-reason">
          {t('inspector.dropAt', { host: hosts.name(event.host, lang) })}: {translateDynamic(lang, `reasons.${event.reason}`)} <code>{event.reason}</code>
        </p>
      ) : null}
      {event.kind === 'frame' ? (
        <LayerTable title={t('inspector.eth')} testId="layer-eth" fields={withChanges('eth', changes, [
          { key: 'inspector.src', value: mac(event.eth.src) }, { key: 'inspector.dst', value: mac(event.eth.dst) },
        ], { src: 'inspector.src', dst: 'inspector.dst' }, macRewrite)} />
      ) : null}
      {event.kind === 'frame' && event.arp ? (
        <LayerTable title={t('inspector.arp')} testId="layer-arp" fields={[
          { key: 'inspector.op', value: event.arp.op }, { key: 'inspector.senderIp', value: event.arp.senderIp },
          { key: 'inspector.senderMac', value: mac(event.arp.senderMac) }, { key: 'inspector.targetIp', value: event.arp.targetIp },
          { key: 'inspector.targetMac', value: event.arp.targetMac },
        ]} />
      ) : null}
      {ip ? <LayerTable title={t('inspector.ip')} testId="layer-ip" isNew={encap}
        fields={withChanges('ip', changes, ipFields(ip), IP_NAMES)} /> : null}
      {inner ? <LayerTable title={t('inspector.inner')} testId="layer-inner" fields={withChanges('inner', changes, ipFields(inner), IP_NAMES)} /> : null}
      {l4 ? <LayerTable title={t('inspector.tcp')} testId="layer-tcp" fields={withChanges('tcp', changes, tcpFields(l4), TCP_NAMES)} /> : null}
      {packet && !packet.prev && event.kind === 'frame' && ip ? <p className="muted">{t('inspector.firstHop')}</p> : null}
      {packet && packet.causes.length > 0 ? (
        <div className="causes" data-testid="causes">
          <h3>{t('inspector.changedBy', { host: hosts.name(packet.frame.from.host, lang) })}</h3>
          <ul>{packet.causes.map((c) => <li key={c.seq}><code>{c.action}</code> {noteText(lang, c.note, trace, hosts)}</li>)}</ul>
        </div>
      ) : null}
    </div>
  );
}
