/**
 * The header's tools in one row at every width: what a reader uses often stays in the bar, the
 * rest sits in a ☰ menu under it. Wide screens keep the view depth, language, share and edit
 * in the bar; a tablet or a phone held sideways keeps the depth only; a phone upright keeps
 * none (issue 13). The tools stay mounted while the menu is shut, so their own state (an open
 * dialog, a copied link) survives it.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useT } from '../i18n/useI18n';
import { NARROW, PHONE, useMediaQuery } from './useMediaQuery';
import './header-menu.css';

interface Props {
  /** The view depth switch: in the bar but on a phone upright. */
  depth: ReactNode;
  /** Shown under the depth switch when it sits in the menu, where there is no hover to show a hint. */
  depthHint: ReactNode;
  /** In the bar on wide screens, in the menu at ≤ 1100 px. */
  often: ReactNode;
  /** Always in the menu. */
  rest: ReactNode;
}

export function HeaderMenu({ depth, depthHint, often, rest }: Props) {
  const t = useT();
  const narrow = useMediaQuery(NARROW);
  const phone = useMediaQuery(PHONE);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  // A tap or click anywhere else shuts it, as a menu does.
  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => { if (!root.current?.contains(e.target as Node)) setOpen(false); };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  return (
    <div className="header-tools" ref={root}
      onKeyDown={(e) => { if (e.key === 'Escape' && open) { setOpen(false); button.current?.focus(); } }}>
      {phone ? null : depth}
      {narrow ? null : often}
      <button type="button" ref={button} className="tool menu-button" data-testid="header-menu" aria-expanded={open}
        aria-controls="header-menu-panel" aria-label={t(phone ? 'header.menu' : narrow ? 'header.menuNarrow' : 'header.menuWide')}
        onClick={() => setOpen(!open)}>
        <span aria-hidden="true">☰</span>
      </button>
      <div className="header-menu-panel" id="header-menu-panel" hidden={!open} data-testid="header-menu-panel"
        onClick={(e) => {
          // A tool that opens a view of its own (quiz, console, compare, editor) shuts the menu;
          // share and export open their own lists inside it, which stay.
          const target = e.target as Element;
          const tool = target.closest('button');
          if (tool && tool.parentElement === e.currentTarget) setOpen(false);
        }}>
        {phone ? <div className="menu-depth">{depth}<p className="depth-hint" data-testid="depth-hint">{depthHint}</p></div> : null}
        {narrow ? often : null}
        {rest}
      </div>
    </div>
  );
}
