/**
 * Problems (the engine's, the share codec's, the editor's) in the UI language. A problem is a
 * code with params (src/engine/problem); its sentence is the catalogue entry `problems.<code>`,
 * like every other string, and a param that is itself a phrase (what was expected, why an
 * address is bad) is worded first. en.json's entries equal the formatter's English tables (a
 * test checks it), so the English shown under a translation is what the CLI prints.
 */
import { fillTemplate, formatPhrase, formatProblem, oneLine, problemLine, type Phrase, type Problem } from '../../engine';
import { LINK_TEXT, linkProblemLine } from '../../share';
import { EDITOR_PROBLEMS } from '../editor/editor-problems';
import { catalogs, lookup, type Lang } from './i18n';

/** Every problem code the UI can be shown, with its English: the engine's, the codec's, the editor's. */
export const PROBLEM_TEXT = { ...LINK_TEXT, ...EDITOR_PROBLEMS };

const HAN = /\p{Script=Han}/u;
const ASCII = /[!-~]/;
const gap = (a: string, b: string): string => ((HAN.test(a) && ASCII.test(b)) || (ASCII.test(a) && HAN.test(b)) ? ' ' : '');

/**
 * Fills a Chinese template: where a value meets Han text, a space between Han and Latin, as
 * zh-CN.json writes (应为 0-65535 的整数, but 应为字符串).
 */
function fillSpaced(template: string, params: Phrase['params'], render: (p: Phrase) => string): string {
  const parts = template.split(/\{\{(\w+)\}\}/);
  let out = parts[0] ?? '';
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] ?? '';
    const raw = params[name];
    const v = raw === undefined ? `{{${name}}}` : typeof raw === 'object' ? render(raw) : String(raw);
    const next = parts[i + 1] ?? '';
    out += (v ? gap(out.slice(-1), v[0] ?? '') : '') + v;
    out += gap(out.slice(-1), next[0] ?? '') + next;
  }
  return out;
}

/** A phrase in `lang`; a code the catalogue lacks reads in English (the catalogue test forbids that). */
export function phraseText(phrase: Phrase, lang: Lang): string {
  if (lang === 'pseudo') return `[[problems.${phrase.code}]]`;
  const render = (p: Phrase) => phraseText(p, lang);
  const template = lookup(catalogs[lang], `problems.${phrase.code}`);
  if (template === undefined) return formatPhrase(phrase, PROBLEM_TEXT);
  return lang === 'zh-CN' ? fillSpaced(template, phrase.params, render) : fillTemplate(template, phrase.params, render);
}

/** A sentence in English, from the formatter, on one line: the text under a translation. */
export const englishText = (phrase: Phrase): string => oneLine(formatPhrase(phrase, PROBLEM_TEXT));

/** A whole problem line (path, sentence, count of the rest) in `lang`. */
export const problemLineText = (p: Problem, lang: Lang): string => problemLine(p, (phrase) => phraseText(phrase, lang));

/** The same line in English, as the CLI prints it. */
export const englishLine = (p: Problem): string => formatProblem(p, PROBLEM_TEXT);

/** Why a link did not open, in `lang`, as short as `link decode` keeps it. */
export const linkProblemText = (p: Problem, lang: Lang): string => linkProblemLine(p, (phrase) => phraseText(phrase, lang));

/** A sentence in `lang` (the path is shown apart), on one line. */
export const problemBody = (p: Phrase, lang: Lang): string => oneLine(phraseText(p, lang));
