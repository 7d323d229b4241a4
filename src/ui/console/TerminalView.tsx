/**
 * xterm on one host's terminal session, loaded on demand (this module and xterm are a lazy
 * chunk). The fit addon keeps the terminal as wide and tall as its panel. Copy: Ctrl+C (or
 * Ctrl+Shift+C) with text selected copies it instead of interrupting; paste is the browser's.
 */
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'react';
import { useSimStoreApi } from '../store/useSim';
import { TerminalSession } from './terminal-session';

/** A dark terminal, readable projected: 15 px, the system's monospace first. */
const THEME = { background: '#0f1419', foreground: '#e6e1cf', cursor: '#ffcc66', selectionBackground: '#3e4b59', green: '#98c379', blue: '#61afef' };
const FONT = "ui-monospace, 'DejaVu Sans Mono', 'Cascadia Mono', Menlo, Consolas, monospace";

export default function TerminalView({ host, active }: { host: string; active: boolean }) {
  const store = useSimStoreApi();
  const el = useRef<HTMLDivElement>(null);
  const live = useRef<{ term: Terminal; fit: FitAddon } | null>(null);

  useEffect(() => {
    const box = el.current;
    if (!box) return;
    const term = new Terminal({ fontFamily: FONT, fontSize: 15, lineHeight: 1.15, theme: THEME, cursorBlink: true, scrollback: 5000 });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(box);
    fit.fit();
    const session = new TerminalSession({ write: (t) => term.write(t), get cols() { return term.cols; } }, host, store);
    term.attachCustomKeyEventHandler((e) => {
      const copy = e.type === 'keydown' && (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'c' && (e.shiftKey || term.hasSelection());
      if (!copy) return true;
      if (term.hasSelection()) void navigator.clipboard?.writeText(term.getSelection()).catch(() => undefined);
      return false;
    });
    const data = term.onData((d) => session.input(d));
    session.start();
    const resize = new ResizeObserver(() => {
      if (box.offsetParent !== null) fit.fit();
    });
    resize.observe(box);
    live.current = { term, fit };
    return () => {
      live.current = null;
      resize.disconnect();
      data.dispose();
      term.dispose();
    };
  }, [host, store]);

  useEffect(() => {
    if (!active || !live.current) return;
    live.current.fit.fit();
    live.current.term.focus();
  }, [active]);

  return <div ref={el} className="terminal" data-testid={`terminal-${host}`} />;
}
