/** Why the link in the address bar did not open; the default scenario is on screen meanwhile. */
import { useT } from '../i18n/useI18n';
import { useSim } from '../store/useSim';

export function LinkErrorBanner() {
  const t = useT();
  const message = useSim((s) => s.linkError);
  const dismiss = useSim((s) => s.setLinkError);
  if (message === null) return null;
  return (
    <div className="link-error" role="alert" data-testid="link-error">
      <p>{t('share.linkError', { message })}</p>
      <button type="button" className="btn" data-testid="link-error-dismiss" onClick={() => dismiss(null)}>{t('share.dismiss')}</button>
    </div>
  );
}
