/**
 * Why the link in the address bar did not open; the default scenario is on screen meanwhile.
 * In Chinese the decoder's English message is translated, the original under it.
 */
import { problemText } from '../i18n/problem-text';
import { useT } from '../i18n/useI18n';
import { useSim } from '../store/useSim';

export function LinkErrorBanner() {
  const t = useT();
  const message = useSim((s) => s.linkError);
  const lang = useSim((s) => s.language);
  const dismiss = useSim((s) => s.setLinkError);
  if (message === null) return null;
  const text = problemText(message, lang);
  return (
    <div className="link-error" role="alert" data-testid="link-error">
      <p>
        {t('share.linkError', { message: text })}
        {text !== message ? <><br /><small className="muted mono" lang="en">{message}</small></> : null}
      </p>
      <button type="button" className="btn" data-testid="link-error-dismiss" onClick={() => dismiss(null)}>{t('share.dismiss')}</button>
    </div>
  );
}
