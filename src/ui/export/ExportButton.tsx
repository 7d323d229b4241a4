/**
 * The header's Export button: all it brings to the first page. The menu, the exporters and the
 * handout load when it is first opened (ExportMenu.tsx, Handout.tsx).
 */
import { lazy, Suspense, useRef, useState } from 'react';
import { useT } from '../i18n/useI18n';
import { useSim } from '../store/useSim';

const ExportMenu = lazy(() => import('./ExportMenu').then((m) => ({ default: m.ExportMenu })));
const Handout = lazy(() => import('./Handout').then((m) => ({ default: m.Handout })));

export function ExportButton() {
  const t = useT();
  const hasTrace = useSim((s) => s.trace !== null);
  const [menu, setMenu] = useState(false);
  const [handout, setHandout] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const close = () => { setMenu(false); toggle.current?.focus(); };
  return (
    <div className="share-buttons" ref={root}
      onBlur={(e) => { if (!root.current?.contains(e.relatedTarget as Node | null)) setMenu(false); }}
      onKeyDown={(e) => { if (e.key === 'Escape' && menu) { e.stopPropagation(); close(); } }}>
      <button type="button" ref={toggle} className="btn" data-testid="export-menu" aria-expanded={menu} aria-controls="export-menu"
        disabled={!hasTrace} onClick={() => setMenu(!menu)}>{`${t('header.export')} ▾`}</button>
      <Suspense fallback={null}>
        {menu ? <ExportMenu onClose={close} onHandout={() => { setMenu(false); setHandout(true); }} /> : null}
        {handout ? <Handout onClose={() => { setHandout(false); toggle.current?.focus(); }} /> : null}
      </Suspense>
    </div>
  );
}
