/**
 * Why the link in the address bar did not open; the default scenario is on screen meanwhile.
 * The decoder's problem in the UI language; in Chinese the English `link decode` prints under it.
 */
import { formatLinkProblem } from '../../share';
import { linkProblemText } from '../i18n/problem-text';
import { useT } from '../i18n/useI18n';
import { useSim } from '../store/useSim';

export function LinkErrorBanner() {
  const t = useT();
  const problem = useSim((s) => s.linkError);
  const lang = useSim((s) => s.language);
  const dismiss = useSim((s) => s.setLinkError);
  if (problem === null) return null;
  const text = linkProblemText(problem, lang);
  return (
    <div className="link-error" role="alert" data-testid="link-error">
      <p>
        {t('share.linkError', { message: text })}
        {lang === 'zh-CN' ? <><br /><small className="muted mono" lang="en">{formatLinkProblem(problem)}</small></> : null}
      </p>
      <button type="button" className="btn" data-testid="link-error-dismiss" onClick={() => dismiss(null)}>{t('share.dismiss')}</button>
    </div>
  );
}
