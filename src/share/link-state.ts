/**
 * What a share link holds (STYLE.md principle 9): the scenario, as a preset id, a preset id plus
 * the changes made to it (patch.ts), or a whole custom scenario; and the view: the step, the
 * view depth, the selection and the language. This file owns the types, the defaults and the
 * shape of version 1 on the wire, where defaults are left out to keep links short.
 * The custom scenario is checked afterwards by the engine's validateScenario, not here.
 */
import * as v from 'valibot';
import { foundPhrase, phraseAsMessage, phraseOfMessage, problemAt, say, type ParamValue, type Phrase, type Problem, type Scenario } from '../engine';
import { sayLink } from './link-problems';
import { PATCH_LIMITS, type PatchOp } from './patch';
import { err, ok, type Result } from './result';

/** The link format this app writes. Older versions are read through legacy/ and migrated. */
export const LINK_VERSION = 1;
/** Matches the CLI's --step range (src/cli/args.ts). */
export const MAX_STEP = 100_000_000;

export type Lang = 'en' | 'zh';
export type Depth = 'course' | 'full';
export interface LinkSelection {
  host?: string;
  event?: number;
}
export type LinkScenario = { preset: string } | { preset: string; patch: PatchOp[] } | { custom: Scenario };
/** One line typed in a host's console (the app replays a link's lines over its scenario, in order). */
export interface LinkLine {
  readonly host: string;
  readonly line: string;
}

export interface LinkState {
  v: typeof LINK_VERSION;
  scenario: LinkScenario;
  step: number;
  depth: Depth;
  selection?: LinkSelection;
  lang: Lang;
  /** Lines typed in the consoles over the scenario; absent when none (links without them are unchanged). */
  lines?: readonly LinkLine[];
  /** A quiz: the hops asked, by their number in the run (src/quiz quizHops); absent when the link is no quiz. */
  quiz?: readonly number[];
}

/** The view part of a link, and the lines typed over its scenario; what is left out takes LINK_DEFAULTS. */
export interface LinkView {
  step?: number;
  depth?: Depth;
  selection?: LinkSelection;
  lang?: Lang;
  lines?: readonly LinkLine[];
  quiz?: readonly number[];
}

/** Bounds on a quiz link's asked hops: every hop of the longest preset fits many times over. */
export const LINK_QUIZ_LIMITS = { hops: 200, maxHop: 9999 } as const;

/** Bounds on a link's console lines: a lab's whole session fits many times over. */
export const LINK_LINE_LIMITS = { lines: 500, chars: 1000 } as const;

/** What the app's Copy link uses unless the user chose otherwise. */
export const LINK_DEFAULTS = { step: 0, depth: 'course', lang: 'en' } as const satisfies Required<Omit<LinkView, 'selection' | 'lines' | 'quiz'>>;

export const PRESET_ID_RE = /^[a-z0-9][a-z0-9-]{0,63}$/;

type Issue = v.BaseIssue<unknown>;
const found = (i: Issue): ParamValue => (typeof i.input === 'string' ? JSON.stringify(i.input.slice(0, 40)) : foundPhrase(i.received));
const expectedFound = (expected: Phrase) => (i: Issue): string => phraseAsMessage(say('shape.expected-found', { expected, found: found(i) }));

function wholeNumber(max: number) {
  const m = expectedFound(say('what.whole-number', { min: 0, max }));
  return v.pipe(v.number(m), v.integer(m), v.minValue(0, m), v.maxValue(max, m));
}

function isPatchOp(x: unknown): x is PatchOp {
  if (!Array.isArray(x) || typeof x[1] !== 'string') return false;
  return x.length === 3 ? x[0] === 'a' || x[0] === 'r' : x.length === 2 && x[0] === 'd';
}

const PresetId = v.pipe(v.string(expectedFound(sayLink('what.preset-id'))), v.regex(PRESET_ID_RE, expectedFound(sayLink('what.preset-id-example'))));
const Patch = v.pipe(
  v.array(
    v.custom<PatchOp>(isPatchOp, phraseAsMessage(say('shape.expected', { expected: sayLink('what.patch-op') }))),
    (i) => phraseAsMessage(say('shape.invalid-type', { expected: say('type.array'), found: foundPhrase(i.received) })),
  ),
  v.maxLength(PATCH_LIMITS.ops, (i) => phraseAsMessage(say('shape.expected-found', {
    expected: sayLink('what.changes-at-most', { max: PATCH_LIMITS.ops }),
    found: Array.isArray(i.input) ? i.input.length : foundPhrase(i.received),
  }))),
);
const SOURCE_SHAPES = sayLink('what.link-source');
/** One object with optional parts, checked afterwards, so a bad change is named by its own path. */
const ScenarioRef = v.pipe(
  v.strictObject(
    { preset: v.exactOptional(PresetId), patch: v.exactOptional(Patch), custom: v.exactOptional(v.unknown()) },
    (i) => (i.expected === 'never' ? phraseAsMessage(say('shape.unknown-field-either', { fields: 'preset, patch', last: 'custom' })) : expectedFound(SOURCE_SHAPES)(i)),
  ),
  v.check((s) => ('custom' in s ? !('preset' in s) && !('patch' in s) : 'preset' in s), phraseAsMessage(say('shape.expected', { expected: SOURCE_SHAPES }))),
);

const LINE_SHAPE = expectedFound(sayLink('what.console-line', { max: LINK_LINE_LIMITS.chars }));
/** Lines as [host, line] pairs: the shortest JSON for them. */
const ConsoleLines = v.pipe(
  v.array(
    v.tuple([
      v.pipe(v.string(LINE_SHAPE), v.minLength(1, LINE_SHAPE), v.maxLength(64, LINE_SHAPE)),
      v.pipe(v.string(LINE_SHAPE), v.maxLength(LINK_LINE_LIMITS.chars, LINE_SHAPE), v.check((l) => !/[\n\r]/.test(l), LINE_SHAPE)),
    ], LINE_SHAPE),
    expectedFound(sayLink('what.console-lines', { max: LINK_LINE_LIMITS.lines })),
  ),
  v.maxLength(LINK_LINE_LIMITS.lines, (i) => phraseAsMessage(say('shape.expected-found', {
    expected: sayLink('what.console-lines', { max: LINK_LINE_LIMITS.lines }),
    found: Array.isArray(i.input) ? i.input.length : foundPhrase(i.received),
  }))),
);

const QUIZ_SHAPE = expectedFound(sayLink('what.quiz-hops', { min: 1, max: LINK_QUIZ_LIMITS.hops, maxHop: LINK_QUIZ_LIMITS.maxHop }));
/** A quiz's asked hops: a short list of distinct hop numbers. */
const QuizHops = v.pipe(
  v.array(wholeNumber(LINK_QUIZ_LIMITS.maxHop), QUIZ_SHAPE),
  v.minLength(1, QUIZ_SHAPE),
  v.maxLength(LINK_QUIZ_LIMITS.hops, QUIZ_SHAPE),
  v.check((hops) => new Set(hops).size === hops.length, phraseAsMessage(sayLink('link.quiz-repeated-hop'))),
);

/** Version 1 as it travels: `v` and `scenario` always, the view only where it is not the default. */
const WireV1 = v.strictObject(
  {
    v: v.literal(1, expectedFound(sayLink('what.link-version-1'))),
    scenario: ScenarioRef,
    step: v.exactOptional(wholeNumber(MAX_STEP)),
    depth: v.exactOptional(v.picklist(['course', 'full'], expectedFound(say('what.either', { choices: '"course"', last: '"full"' })))),
    selection: v.exactOptional(
      v.strictObject(
        {
          host: v.exactOptional(v.pipe(
            v.string(expectedFound(sayLink('what.host-id-any'))),
            v.maxLength(64, phraseAsMessage(say('shape.expected', { expected: sayLink('what.host-id-at-most', { max: 64 }) }))),
          )),
          event: v.exactOptional(wholeNumber(MAX_STEP)),
        },
        (i) => (i.expected === 'never' ? phraseAsMessage(say('shape.unknown-field-either', { fields: 'host', last: 'event' })) : expectedFound(sayLink('what.selection'))(i)),
      ),
    ),
    lang: v.exactOptional(v.picklist(['en', 'zh'], expectedFound(say('what.either', { choices: '"en"', last: '"zh"' })))),
    lines: v.exactOptional(ConsoleLines),
    quiz: v.exactOptional(QuizHops),
  },
  (i) => {
    if (i.expected === 'never') return phraseAsMessage(say('shape.unknown-field', { fields: 'v, scenario, step, depth, selection, lang, lines, quiz' }));
    // A missing entry's issue points at its key, with nothing there.
    return i.path?.length && i.input === undefined ? phraseAsMessage(sayLink('link.missing-part')) : expectedFound(say('what.object'))(i);
  },
);
export type LinkWireV1 = v.InferOutput<typeof WireV1>;

/** `link.scenario.patch[3]`: the path of a valibot issue, in the form the scenario messages use. */
function issuePath(issue: Issue): string {
  let out = 'link';
  for (const item of issue.path ?? []) {
    const k: unknown = item.key;
    out += typeof k === 'number' ? `[${k}]` : typeof k === 'string' && /^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`;
  }
  return out;
}

/** Untrusted JSON → the version-1 wire shape, or the first problem with its path. */
export function parseWireV1(json: unknown): Result<LinkWireV1, Problem> {
  // valibot's object schemas take arrays too (their keys are simply missing); say what they are.
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    const what = Array.isArray(json) ? say('what.array') : json === null ? 'null' : foundPhrase(typeof json);
    return err(problemAt('link', say('shape.expected-found', { expected: say('what.object'), found: what })));
  }
  for (const key of ['scenario', 'selection']) {
    if (Array.isArray((json as Record<string, unknown>)[key])) return err(problemAt(`link.${key}`, say('shape.expected-found', { expected: say('what.object'), found: say('what.array') })));
  }
  const r = v.safeParse(WireV1, json, { abortEarly: true });
  if (r.success) return ok(r.output);
  const issue = r.issues[0];
  return err(issue ? problemAt(issuePath(issue), phraseOfMessage(issue.message)) : problemAt('link', sayLink('link.not-v1-state')));
}

/** The wire form of a state: defaults and empty parts left out. */
export function toWire(state: LinkState): LinkWireV1 {
  const sel = state.selection;
  const hasSel = sel !== undefined && (sel.host !== undefined || sel.event !== undefined);
  return {
    v: LINK_VERSION,
    scenario: state.scenario,
    ...(state.step !== LINK_DEFAULTS.step ? { step: state.step } : {}),
    ...(state.depth !== LINK_DEFAULTS.depth ? { depth: state.depth } : {}),
    ...(hasSel ? { selection: { ...(sel.host !== undefined ? { host: sel.host } : {}), ...(sel.event !== undefined ? { event: sel.event } : {}) } } : {}),
    ...(state.lang !== LINK_DEFAULTS.lang ? { lang: state.lang } : {}),
    ...(state.lines?.length ? { lines: state.lines.map((l): [string, string] => [l.host, l.line]) } : {}),
    ...(state.quiz?.length ? { quiz: [...state.quiz] } : {}),
  };
}

/** The scenario part as read from a link: the custom scenario is still unchecked JSON. */
export type WireScenario = { preset: string; patch?: PatchOp[] } | { custom: unknown };

export interface RestoredView {
  step: number;
  depth: Depth;
  selection?: LinkSelection;
  lang: Lang;
  lines?: LinkLine[];
  quiz?: number[];
}

/** restore(): the view with every default the wire form left out filled in. */
export function restoreView(wire: Omit<LinkWireV1, 'v' | 'scenario'>): RestoredView {
  const sel = wire.selection;
  return {
    step: wire.step ?? LINK_DEFAULTS.step,
    depth: wire.depth ?? LINK_DEFAULTS.depth,
    ...(sel && (sel.host !== undefined || sel.event !== undefined) ? { selection: { ...sel } } : {}),
    lang: wire.lang ?? LINK_DEFAULTS.lang,
    ...(wire.lines?.length ? { lines: wire.lines.map(([host, line]) => ({ host, line })) } : {}),
    ...(wire.quiz?.length ? { quiz: [...wire.quiz] } : {}),
  };
}

export function wireScenario(ref: LinkWireV1['scenario']): WireScenario {
  if ('custom' in ref) return { custom: ref.custom };
  return ref.patch ? { preset: ref.preset ?? '', patch: ref.patch } : { preset: ref.preset ?? '' };
}

/** A whole state from a scenario source and a view, defaults filled in. */
export function makeLinkState(scenario: LinkScenario, view: LinkView = {}): LinkState {
  const { lines, quiz, ...rest } = view;
  return { v: LINK_VERSION, scenario, ...restoreView(rest), ...(lines?.length ? { lines: [...lines] } : {}), ...(quiz?.length ? { quiz: [...quiz] } : {}) };
}
