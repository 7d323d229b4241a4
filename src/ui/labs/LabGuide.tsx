/**
 * The lab's side panel: the slide's address table (and for DR its arp_ignore/arp_announce table),
 * the checklist of steps with the course's commands, and the Check that reads the traffic.
 * Commands are shown as Linux spells them, in both languages.
 */
import type { BuildLab, LabStep, TypedLine } from '../../labs';
import { textIn } from '../i18n/i18n';
import { useT } from '../i18n/useI18n';
import { useSim } from '../store/useSim';
import { LabCheck } from './LabCheck';
import './labs.css';

export interface LabGuideProps {
  lab: BuildLab;
  typed: readonly TypedLine[];
  /** Sends a command to that host's console, when a console is there to take it. */
  onType?: (line: TypedLine) => void;
  onReset: () => void;
}

export function LabGuide({ lab, typed, onType, onReset }: LabGuideProps) {
  const t = useT();
  // The title and summary are in the narration above.
  return (
    <div className="lab-guide" data-testid="lab-guide">
      <LabCheck lab={lab} typed={typed} onReset={onReset} />
      <AddressTable lab={lab} />
      {lab.sysctlTable ? <SysctlTable lab={lab} /> : null}
      <h3>{t('lab.steps')}</h3>
      <ol className="lab-steps">
        {lab.steps.map((s) => <StepItem key={s.id} step={s} onType={onType} />)}
      </ol>
    </div>
  );
}

function AddressTable({ lab }: { lab: BuildLab }) {
  const t = useT();
  const lang = useSim((s) => s.language);
  return (
    <table className="lab-table" data-testid="lab-addresses">
      <caption>{t('lab.addresses')}</caption>
      <thead><tr><th scope="col">{t('lab.host')}</th><th scope="col">{t('lab.iface')}</th><th scope="col">{t('lab.address')}</th></tr></thead>
      <tbody>
        {lab.addresses.map((a) => (
          <tr key={`${a.host}/${a.iface}`}>
            <td>{a.host}</td>
            <td className="mono">{a.iface}</td>
            <td className="mono">{a.address}{a.note ? <span className="lab-note"> · {textIn(lang, a.note)}</span> : null}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SysctlTable({ lab }: { lab: BuildLab }) {
  const t = useT();
  const lang = useSim((s) => s.language);
  return (
    <table className="lab-table" data-testid="lab-sysctls">
      <caption>{t('lab.sysctls')}</caption>
      <thead><tr><th scope="col">{t('lab.sysctl')}</th><th scope="col">{t('lab.value')}</th><th scope="col">{t('lab.meaning')}</th></tr></thead>
      <tbody>
        {(lab.sysctlTable ?? []).map((r) => (
          <tr key={`${r.key}=${r.value}`} className={r.chosen ? 'is-chosen' : undefined}>
            <td className="mono">{r.key}</td>
            <td className="mono">{r.value}</td>
            <td>{textIn(lang, r.meaning)}{r.chosen ? <strong className="lab-chosen"> · {t('lab.chosen')}</strong> : null}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function StepItem({ step, onType }: { step: LabStep; onType: LabGuideProps['onType'] }) {
  const t = useT();
  const lang = useSim((s) => s.language);
  return (
    <li className="lab-step" data-testid={`lab-step-${step.id}`}>
      <strong>{textIn(lang, step.title)}</strong>
      <p className="lab-why">{textIn(lang, step.why)}</p>
      <ul className="lab-commands">
        {step.commands.map((c, i) => (
          <li key={i}>
            <span className="lab-host">{c.host}#</span>
            <code className="mono">{c.line}</code>
            {onType ? (
              <button type="button" className="lab-type" onClick={() => onType(c)} title={t('lab.typeOn', { host: c.host })}
                aria-label={t('lab.typeOn', { host: c.host })}>↵</button>
            ) : null}
          </li>
        ))}
      </ul>
    </li>
  );
}
