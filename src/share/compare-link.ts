/**
 * The compare view's link, a plain form beside v1's others (which it does not change):
 *   v1.cmp.<preset>~<preset>[~<preset>].<requests>.<step>.<en|zh>
 * two or three presets run side by side with the same number of requests, stepped together
 * to `step`. Readable and hand-editable like v1.p.…; typed by hand it may stop after the
 * presets (1 request, step 0, the reader's language). Never throws.
 */
import { getPreset } from '../engine';
import { COMPARE_PREFIX } from './compare-prefix';
import { MAX_STEP, PRESET_ID_RE } from './link-state';

export { COMPARE_PREFIX, isCompareLink } from './compare-prefix';

/** More requests make a lockstep walk too long to follow; the CLI takes any number. */
export const MAX_COMPARE_REQUESTS = 20;

export interface CompareLink {
  presets: string[];
  requests: number;
  step: number;
  /** Absent when the link named no language: the reader's is kept. */
  lang?: 'en' | 'zh';
}

export type CompareLinkResult = { ok: true; value: CompareLink } | { ok: false; message: string };

const fragmentOf = (input: string): string => {
  const hash = input.indexOf('#');
  return (hash >= 0 ? input.slice(hash + 1) : input).trim();
};

export function encodeCompareLink(link: Required<CompareLink>): string {
  return `${COMPARE_PREFIX}${link.presets.join('~')}.${link.requests}.${link.step}.${link.lang}`;
}

const SHAPE = `expected ${COMPARE_PREFIX}<preset>~<preset>[~<preset>][.<requests>[.<step>[.<lang>]]], e.g. ${COMPARE_PREFIX}nat-course~dr-course~tun-course.1.0.en`;

function wholeNumber(text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined || !/^(0|[1-9][0-9]{0,8})$/.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
}

export function decodeCompareLink(input: string): CompareLinkResult {
  const fragment = fragmentOf(input);
  if (!fragment.startsWith(COMPARE_PREFIX) || fragment.length > 400) return { ok: false, message: `compare link is malformed (${SHAPE})` };
  const [ids = '', requests, step, lang, ...extra] = fragment.slice(COMPARE_PREFIX.length).split('.');
  const presets = ids.split('~');
  if (extra.length > 0 || presets.length < 2 || presets.length > 3) return { ok: false, message: `compare link is malformed: two or three presets (${SHAPE})` };
  const unknown = presets.find((p) => !PRESET_ID_RE.test(p) || !getPreset(p));
  if (unknown !== undefined) return { ok: false, message: `compare link names an unknown preset ${JSON.stringify(unknown.slice(0, 40))}` };
  const n = requests === undefined ? 1 : wholeNumber(requests, 1, MAX_COMPARE_REQUESTS);
  if (n === undefined) return { ok: false, message: `compare link is malformed: requests ${JSON.stringify(requests?.slice(0, 20))} is not a whole number 1-${MAX_COMPARE_REQUESTS}` };
  const k = step === undefined ? 0 : wholeNumber(step, 0, MAX_STEP);
  if (k === undefined) return { ok: false, message: `compare link is malformed: step ${JSON.stringify(step?.slice(0, 20))} is not a whole number 0-${MAX_STEP}` };
  if (lang !== undefined && lang !== 'en' && lang !== 'zh') return { ok: false, message: `compare link is malformed: language ${JSON.stringify(lang.slice(0, 20))} is not en or zh` };
  return { ok: true, value: { presets, requests: n, step: k, ...(lang !== undefined ? { lang } : {}) } };
}
