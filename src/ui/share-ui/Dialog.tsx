/** A modal on the platform's <dialog>: focus stays inside, Esc closes, the page behind is inert. */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useT } from '../i18n/useI18n';

export function Dialog({ title, onClose, testId, className, children }: {
  title: string;
  onClose: () => void;
  testId: string;
  className?: string;
  children: ReactNode;
}) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    // jsdom has no showModal; a plain open dialog is enough there.
    if (d && !d.open) {
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
    }
  }, []);
  return (
    <dialog ref={ref} className={`dialog ${className ?? ''}`} aria-labelledby={titleId} data-testid={testId}
      onClose={onClose} onCancel={(e) => { e.preventDefault(); onClose(); }}>
      <div className="dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="dialog-close" aria-label={t('share.close')} data-testid={`${testId}-close`} onClick={onClose}>×</button>
      </div>
      {children}
    </dialog>
  );
}
