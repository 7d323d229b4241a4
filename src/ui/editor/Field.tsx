/**
 * One editable value of the scenario, at a JSON path. The text is the field's own; it reaches
 * the scenario only once it parses, so a typo never breaks the simulation. The message under the
 * field is the parser's, else the engine's problem for this path (a duplicate address, a gateway
 * that is not on-link), with aria-invalid on the input. Messages are codes (src/engine/problem),
 * worded in the UI language; in Chinese the English the CLI prints is on hover.
 */
import { useId, useState } from 'react';
import type { Scenario, Phrase, Problem } from '../../engine';
import { englishText, problemBody } from '../i18n/problem-text';
import { useSim } from '../store/useSim';
import type { Parser } from './parsers';
import { pathKey, setIn, type Path } from './paths';

/** The engine's problem at this path, if any. */
function useProblemAt(path: Path): Problem | null {
  const key = pathKey(path);
  return useSim((s) => s.problems.find((p) => p.path === key)) ?? null;
}

/** The engine's message for this path in the UI language; null when there is none. */
export function useProblem(path: Path): string | null {
  const problem = useProblemAt(path);
  const lang = useSim((s) => s.language);
  return problem === null ? null : problemBody(problem, lang);
}

/** A field's message: in the UI language, and in Chinese the English the CLI prints as its tooltip. */
function Message({ id, path, phrase }: { id: string; path: Path; phrase: Phrase }) {
  const lang = useSim((s) => s.language);
  return (
    <span className="ed-msg" id={id} role="status" data-msg-for={pathKey(path)} title={lang === 'zh-CN' ? englishText(phrase) : undefined}>
      {problemBody(phrase, lang)}
    </span>
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
  const problem = useProblemAt(path);
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
      {message !== null ? <Message id={`${id}-msg`} path={path} phrase={message} /> : null}
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
  const problem = useProblemAt(path);
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
      {problem !== null ? <Message id={`${id}-msg`} path={path} phrase={problem} /> : null}
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
