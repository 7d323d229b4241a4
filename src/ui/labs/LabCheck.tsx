/**
 * Check: replays the learner's commands on the lab's machines, sends requests from the client
 * and says what the traffic showed. It runs a whole simulation, so it starts after the button
 * has repainted as busy.
 */
import { useEffect, useState } from 'react';
import { checkLab, CHECK_REQUESTS } from '../../labs/check';
import { reportText } from '../../labs/messages';
import type { BuildLab, TypedLine } from '../../labs';
import { useT } from '../i18n/useI18n';
import { useSim } from '../store/useSim';

interface Verdict {
  passed: boolean;
  en: string;
  zh: string;
  /** How many typed commands it judged: a later command makes it stale. */
  typedCount: number;
}

export function LabCheck({ lab, typed, onReset }: { lab: BuildLab; typed: readonly TypedLine[]; onReset: () => void }) {
  const t = useT();
  const lang = useSim((s) => s.language);
  const [busy, setBusy] = useState(false);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  useEffect(() => setVerdict(null), [lab.id]);

  const run = () => {
    setBusy(true);
    setTimeout(() => {
      const r = checkLab(lab, typed);
      setVerdict({ passed: r.passed, en: reportText(lab, r, 'en'), zh: reportText(lab, r, 'zh'), typedCount: typed.length });
      setBusy(false);
    }, 0);
  };
  const stale = verdict !== null && verdict.typedCount !== typed.length;
  const primary = lang === 'zh-CN' ? 'zh' : 'en';
  const other = primary === 'en' ? 'zh' : 'en';
  return (
    <div className="lab-check">
      <div className="lab-check-bar">
        <button type="button" className="lab-check-button" data-testid="lab-check" disabled={busy} onClick={run}>
          {busy ? t('lab.checking') : t('lab.check', { n: CHECK_REQUESTS })}
        </button>
        <span className="muted" data-testid="lab-typed-count">{t('lab.typedCount', { n: typed.length })}</span>
        <button type="button" className="lab-reset" data-testid="lab-reset" onClick={() => { setVerdict(null); onReset(); }}>{t('lab.reset')}</button>
      </div>
      {verdict ? (
        <div className={verdict.passed ? 'lab-verdict is-pass' : 'lab-verdict is-fail'} role="status" data-testid="lab-verdict">
          <strong>{verdict.passed ? t('lab.passed') : t('lab.failed')}</strong>
          <p lang={primary === 'zh' ? 'zh-CN' : 'en'}>{verdict[primary]}</p>
          <p className="lab-verdict-other" lang={other === 'zh' ? 'zh-CN' : 'en'}>{verdict[other]}</p>
          {stale ? <p className="muted">{t('lab.stale')}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
