/**
 * One editable value of the scenario, at a JSON path. The text is the field's own; it reaches
 * the scenario only once it parses, so a typo never breaks the simulation. The message under the
 * field is the parser's, else the engine's problem for this path (a duplicate address, a gateway
 * that is not on-link), with aria-invalid on the input. Messages are English at the source; in
 * Chinese the field shows them translated, the original on hover.
 */
import { useId, useState } from 'react';
import type { Scenario } from '../../engine';
import { problemText } from '../i18n/problem-text';
import { useSim } from '../store/useSim';
import type { Parser } from './parsers';
import { pathKey, setIn, type Path } from './paths';

/** The engine's English message for this path, without the path. */
function useEnglishProblem(path: Path): string | null {
  const key = pathKey(path);
  const found = useSim((s) => s.problems.find((p) => p.startsWith(`${key}: `)));
  return found === undefined ? null : found.slice(key.length + 2);
}

/** The engine's message for this path in the UI language; null when there is none. */
export function useProblem(path: Path): string | null {
  const english = useEnglishProblem(path);
  const lang = useSim((s) => s.language);
  return english === null ? null : problemText(english, lang);
}

/** A field's message: translated when the UI is Chinese, the English original as its tooltip. */
function Message({ id, path, english }: { id: string; path: Path; english: string }) {
  const lang = useSim((s) => s.language);
  const text = problemText(english, lang);
  return (
    <span className="ed-msg" id={id} role="status" data-msg-for={pathKey(path)} title={text === english ? undefined : english}>{text}</span>
  );
}

const show = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

interface FieldProps<T> {
  path: Path;
  label: string;
  value: T;
  parse: Parser<T>;
  placeholder?: string;
  size?: 'xs' | 's' | 'addr' | 'm' | 'l';
  /** How the value enters the scenario, when more than the one path changes. */
  apply?: (s: Scenario, value: T) => Scenario;
  /** In a table whose headers already say it: the label is for screen readers only. */
  hideLabel?: boolean;
}

export function TextField<T>({ path, label, value, parse, placeholder, size = 'm', apply, hideLabel = false }: FieldProps<T>) {
  const edit = useSim((s) => s.editScenario);
  const id = useId();
  const [text, setText] = useState(show(value));
  const [seen, setSeen] = useState(value);
  // The scenario changed under the field (undo, reset, import): show it, unless the text already says it.
  if (!Object.is(seen, value)) {
    setSeen(value);
    const p = parse(text);
    if (!(p.ok && Object.is(p.value, value))) setText(show(value));
  }
  const problem = useEnglishProblem(path);
  const parsed = parse(text);
  const message = parsed.ok ? problem : parsed.error;
  return (
    <div className={`ed-field ed-${size}`}>
      <label htmlFor={id} className={hideLabel ? 'sr-only' : undefined}>{label}</label>
      <input id={id} value={text} placeholder={placeholder} spellCheck={false} autoComplete="off"
        data-path={pathKey(path)} aria-invalid={message !== null} aria-describedby={message !== null ? `${id}-msg` : undefined}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          const p = parse(next);
          if (p.ok && !Object.is(p.value, value)) edit((s) => (apply ? apply(s, p.value) : setIn(s, path, p.value)), pathKey(path));
        }} />
      {message !== null ? <Message id={`${id}-msg`} path={path} english={message} /> : null}
    </div>
  );
}

export interface Choice {
  value: string;
  label: string;
  disabled?: boolean;
}

/** A closed set of values; '' (when offered) removes an optional field. */
export function SelectField({ path, label, value, choices, toValue, hideLabel = false, apply }: {
  path: Path;
  label: string;
  value: string;
  choices: readonly Choice[];
  toValue?: (v: string) => unknown;
  /** In a table whose headers already say it. */
  hideLabel?: boolean;
  /** How the value enters the scenario, when more than the one path changes. */
  apply?: (s: Scenario, value: string) => Scenario;
}) {
  const edit = useSim((s) => s.editScenario);
  const id = useId();
  const problem = useEnglishProblem(path);
  return (
    <div className="ed-field ed-s">
      <label htmlFor={id} className={hideLabel ? 'sr-only' : undefined}>{label}</label>
      <select id={id} value={value} data-path={pathKey(path)} aria-invalid={problem !== null}
        aria-describedby={problem !== null ? `${id}-msg` : undefined}
        onChange={(e) => {
          const v = e.target.value;
          edit((s) => (apply ? apply(s, v) : setIn(s, path, v === '' ? undefined : toValue ? toValue(v) : v)), pathKey(path));
        }}>
        {choices.map((c) => <option key={c.value} value={c.value} disabled={c.disabled}>{c.label}</option>)}
      </select>
      {problem !== null ? <Message id={`${id}-msg`} path={path} english={problem} /> : null}
    </div>
  );
}

/** A small button that adds or removes a list item, named for screen readers. */
export function ListButton({ label, onClick, kind, testId }: { label: string; onClick: () => void; kind: 'add' | 'remove'; testId?: string }) {
  return (
    <button type="button" className={kind === 'add' ? 'btn ed-add' : 'btn ed-remove'} aria-label={label} title={label}
      data-testid={testId} onClick={onClick}>
      {kind === 'add' ? `+ ${label}` : '×'}
    </button>
  );
}
