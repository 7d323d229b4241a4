/**
 * Segments and links: a switch (one broadcast domain, any number of interfaces) or a
 * point-to-point link (exactly two). Each has an id (what the trace and pcap call it), a name in
 * both languages, a one-way latency and its attached interfaces, picked as host + interface. An
 * interface sits on one segment: the pickers offer the free ones and name the segment of the
 * others; whatever the engine still finds wrong (a link with three ends, an id used twice) shows
 * at its field.
 */
import { useId, useState } from 'react';
import type { Scenario, SegmentSpec } from '../../engine';
import { useT } from '../i18n/useI18n';
import { useSim } from '../store/useSim';
import { ListButton, SelectField, TextField, useProblem, type Choice } from './Field';
import { int, optional, required, segmentId } from './parsers';
import { getIn, pathKey, plus, setIn, updateList, without, type Path } from './paths';
import { addSegment, attachableIfaces, attachments, freeIface, freshSegmentId, renameSegment } from './scenario-ops';

const KINDS: readonly SegmentSpec['kind'][] = ['switch', 'link'];
/** The schema's range for a segment's latency, less 0: a frame always takes some time. */
const latency = optional(int(1, 60_000));

function useIfaceChoices(scenario: Scenario) {
  const t = useT();
  const on = attachments(scenario);
  /** A host's interfaces; those on another segment than `own` are named with it and disabled. */
  return (hostId: string, own?: { seg: string; if: string }): Choice[] =>
    attachableIfaces(scenario.hosts.find((h) => h.id === hostId)).map((name) => {
      const seg = on.get(`${hostId} ${name}`);
      const taken = seg !== undefined && !(own && own.seg === seg && own.if === name);
      return { value: name, label: taken ? t('editor.onSegment', { name, seg }) : name, disabled: taken };
    });
}

/** One attached interface as a table row (the headers name the columns); its problem, if any, on a row below. */
function PortRow({ scenario, seg, at, j }: { scenario: Scenario; seg: SegmentSpec; at: Path; j: number }) {
  const t = useT();
  const edit = useSim((s) => s.editScenario);
  const ifaceChoices = useIfaceChoices(scenario);
  const port = seg.ports[j];
  const problem = useProblem([...at, j]);
  if (!port) return null;
  const hostChoices: Choice[] = scenario.hosts.map((h) => ({ value: h.id, label: h.id }));
  if (!scenario.hosts.some((h) => h.id === port.host)) hostChoices.push({ value: port.host, label: port.host });
  const ifChoices = ifaceChoices(port.host, { seg: seg.id, if: port.if });
  if (!ifChoices.some((c) => c.value === port.if)) ifChoices.push({ value: port.if, label: port.if });
  // A new host brings its first free interface along (else its first one, which the engine then names).
  const setHost = (s: Scenario, host: string): Scenario =>
    setIn(s, [...at, j], { host, if: freeIface(s, host) ?? attachableIfaces(s.hosts.find((h) => h.id === host))[0] ?? port.if });
  return (
    <>
      <tr>
        <td><SelectField path={[...at, j, 'host']} label={t('editor.portHost')} value={port.host} choices={hostChoices} apply={setHost} hideLabel /></td>
        <td><SelectField path={[...at, j, 'if']} label={t('editor.portIf')} value={port.if} choices={ifChoices} hideLabel /></td>
        <td>
          <ListButton kind="remove" label={t('editor.detach', { host: port.host, if: port.if })}
            onClick={() => edit((s) => updateList(s, at, without(j)))} />
        </td>
      </tr>
      {problem !== null ? (
        <tr><td colSpan={3}><p className="ed-msg" role="status" data-msg-for={pathKey([...at, j])}>{problem}</p></td></tr>
      ) : null}
    </>
  );
}

/** Host + interface pickers and an Attach button; only free interfaces can be attached. */
function AttachRow({ scenario, at, describedBy }: { scenario: Scenario; at: Path; describedBy: string | undefined }) {
  const t = useT();
  const edit = useSim((s) => s.editScenario);
  const id = useId();
  const ifaceChoices = useIfaceChoices(scenario);
  const firstWithFree = scenario.hosts.find((h) => freeIface(scenario, h.id) !== undefined)?.id ?? scenario.hosts[0]?.id ?? '';
  const [picked, setPicked] = useState<string | null>(null);
  const host = picked !== null && scenario.hosts.some((h) => h.id === picked) ? picked : firstWithFree;
  const choices = ifaceChoices(host);
  const [pickedIf, setPickedIf] = useState<string | null>(null);
  const iface = choices.find((c) => c.value === pickedIf && !c.disabled)?.value ?? choices.find((c) => !c.disabled)?.value;
  return (
    <div className="ed-row ed-attach">
      <div className="ed-field ed-s">
        <label htmlFor={`${id}-h`}>{t('editor.attachHost')}</label>
        <select id={`${id}-h`} data-testid="attach-host" value={host} onChange={(e) => { setPicked(e.target.value); setPickedIf(null); }}>
          {scenario.hosts.map((h) => <option key={h.id} value={h.id}>{h.id}</option>)}
        </select>
      </div>
      <div className="ed-field ed-s">
        <label htmlFor={`${id}-i`}>{t('editor.attachIf')}</label>
        <select id={`${id}-i`} data-testid="attach-if" value={iface ?? ''} disabled={iface === undefined} onChange={(e) => setPickedIf(e.target.value)}>
          {iface === undefined ? <option value="">{t('editor.noFreeIface')}</option> : null}
          {choices.map((c) => <option key={c.value} value={c.value} disabled={c.disabled}>{c.label}</option>)}
        </select>
      </div>
      <button type="button" className="btn" data-testid="attach" disabled={iface === undefined} aria-describedby={describedBy}
        onClick={() => { if (iface !== undefined) { edit((s) => updateList(s, at, plus({ host, if: iface }))); setPickedIf(null); } }}>
        {t('editor.attach')}
      </button>
    </div>
  );
}

function SegmentBlock({ scenario, seg, i }: { scenario: Scenario; seg: SegmentSpec; i: number }) {
  const t = useT();
  const edit = useSim((s) => s.editScenario);
  const id = useId();
  const base: Path = ['segments', i];
  const ports: Path = [...base, 'ports'];
  const problem = useProblem(ports);
  const msgId = problem !== null ? `${id}-ports-msg` : undefined;
  // A name has both languages; typing the first one fills the other until it is edited.
  const name = (lang: 'en' | 'zh') => (s: Scenario, v: string): Scenario => {
    const cur = getIn(s, [...base, 'name']) as SegmentSpec['name'];
    return setIn(s, [...base, 'name'], { en: cur?.en ?? v, zh: cur?.zh ?? v, [lang]: v });
  };
  return (
    <fieldset className="ed-group ed-segment" data-testid={`segment-editor-${seg.id}`}>
      <legend><span className="mono">{seg.id}</span>{` · ${t(`editor.segKinds.${seg.kind}`)}`}</legend>
      <div className="ed-row">
        <SelectField path={[...base, 'kind']} label={t('editor.segKind')} value={seg.kind}
          choices={KINDS.map((k) => ({ value: k, label: t(`editor.segKinds.${k}`) }))} />
        <TextField path={[...base, 'latencyMs']} label={t('editor.latency')} value={seg.latencyMs} parse={latency} placeholder="1" size="xs" />
        <button type="button" className="btn ed-remove-seg" data-testid={`remove-segment-${i}`}
          onClick={() => edit((s) => updateList(s, ['segments'], without(i)))}>
          {`× ${t('editor.removeSegment', { id: seg.id })}`}
        </button>
      </div>
      {/* What the segment is called: the id the trace and pcap use, then the names the topology shows. */}
      <div className="ed-row ed-names">
        <TextField path={[...base, 'id']} label={t('editor.segId')} value={seg.id} parse={segmentId}
          apply={(s, v) => renameSegment(s, i, v)} />
        <TextField path={[...base, 'name', 'en']} label={t('editor.nameEn')} value={seg.name?.en ?? seg.id} parse={required} apply={name('en')} />
        <TextField path={[...base, 'name', 'zh']} label={t('editor.nameZh')} value={seg.name?.zh ?? seg.id} parse={required} apply={name('zh')} />
      </div>
      <table className="ed-ports" aria-describedby={msgId}>
        <caption>{t('editor.ports', { count: seg.ports.length })}</caption>
        {seg.ports.length > 0 ? (
          <thead>
            <tr>
              <th scope="col">{t('editor.portHost')}</th>
              <th scope="col">{t('editor.portIf')}</th>
              <th scope="col"><span className="sr-only">{t('editor.removeApp')}</span></th>
            </tr>
          </thead>
        ) : null}
        <tbody>
          {seg.ports.map((p, j) => <PortRow key={`${p.host} ${p.if} ${j}`} scenario={scenario} seg={seg} at={ports} j={j} />)}
        </tbody>
      </table>
      {seg.ports.length === 0 ? <p className="ed-note">{t('editor.noPorts')}</p> : null}
      {problem !== null ? <p className="ed-msg" id={msgId} role="status" data-msg-for={pathKey(ports)}>{problem}</p> : null}
      <AttachRow scenario={scenario} at={ports} describedBy={msgId} />
    </fieldset>
  );
}

export function SegmentsSection({ scenario }: { scenario: Scenario }) {
  const t = useT();
  const edit = useSim((s) => s.editScenario);
  /** A new segment comes last: bring it into view and put the focus on its first field. */
  const add = (kind: SegmentSpec['kind']) => {
    const id = freshSegmentId(scenario, kind);
    edit((s) => addSegment(s, kind));
    requestAnimationFrame(() => {
      const block = document.querySelector(`[data-testid="segment-editor-${id}"]`);
      block?.scrollIntoView({ block: 'nearest' });
      block?.querySelector<HTMLElement>('select, input')?.focus({ preventScroll: true });
    });
  };
  return (
    <section className="ed-section" aria-labelledby="ed-segments-title" data-testid="editor-segments">
      <h3 id="ed-segments-title">{t('editor.segments')}</h3>
      {/* Keyed by place, not id: typing a new id must not remount the block and drop the focus. The
          count is in the key so that after a removal the blocks start afresh, not with a neighbour's state. */}
      {scenario.segments.map((seg, i) => <SegmentBlock key={`${i}/${scenario.segments.length}`} scenario={scenario} seg={seg} i={i} />)}
      <div className="ed-row">
        <ListButton kind="add" label={t('editor.addSwitch')} testId="add-switch" onClick={() => add('switch')} />
        <ListButton kind="add" label={t('editor.addLink')} testId="add-link" onClick={() => add('link')} />
      </div>
    </section>
  );
}
