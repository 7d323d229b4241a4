/**
 * The one English formatter: a problem → the line the CLI prints (path first, one line, at most
 * 1,000 characters, the count of further problems after it). The UI assembles its lines with
 * the same `problemLine`, only wording each phrase in its own language.
 */
import { ENGINE_PROBLEMS, say } from './codes';
import { formatPhrase, type Phrase, type Problem, type Templates } from './phrase';

const MAX_LINE = 1000;

/** One line, whatever the input held: control characters escaped, very long text cut. */
export function oneLine(message: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = message.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return flat.length > MAX_LINE ? `${flat.slice(0, MAX_LINE - 1)}…` : flat;
}

/** `path: sentence`, one line, then "(and N more problems)" when there are more. */
export function problemLine(p: Problem, render: (phrase: Phrase) => string): string {
  const body = render(p);
  const line = oneLine(p.path === null ? body : `${p.path}: ${body}`);
  if (!p.more) return line;
  return render(p.more === 1 ? say('problems.and-one-more', { line, count: 1 }) : say('problems.and-more', { line, count: p.more }));
}

/**
 * A problem as the CLI prints it. `templates` is the engine's table unless a caller adds codes
 * of its own (the share codec, the editor).
 * @example formatProblem({ path: 'hosts[0].id', ...say('shape.missing', { expected: say('what.string') }) }) // 'hosts[0].id: missing, expected a string'
 */
export function formatProblem(p: Problem, templates: Templates = ENGINE_PROBLEMS): string {
  return problemLine(p, (phrase) => formatPhrase(phrase, templates));
}

/** A phrase without a path (a field's own message), in English. */
export function formatEnglish(phrase: Phrase, templates: Templates = ENGINE_PROBLEMS): string {
  return formatPhrase(phrase, templates);
}
