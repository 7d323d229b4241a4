/**
 * What a share link holds (STYLE.md principle 9): the scenario, as a preset id, a preset id plus
 * the changes made to it (patch.ts), or a whole custom scenario; and the view: the step, the
 * view depth, the selection and the language. This file owns the types, the defaults and the
 * shape of version 1 on the wire, where defaults are left out to keep links short.
 * The custom scenario is checked afterwards by the engine's validateScenario, not here.
 */
import * as v from 'valibot';
import type { Scenario } from '../engine';
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

export interface LinkState {
  v: typeof LINK_VERSION;
  scenario: LinkScenario;
  step: number;
  depth: Depth;
  selection?: LinkSelection;
  lang: Lang;
}

/** The view part of a link; what is left out takes LINK_DEFAULTS. */
export interface LinkView {
  step?: number;
  depth?: Depth;
  selection?: LinkSelection;
  lang?: Lang;
}

/** What the app's Copy link uses unless the user chose otherwise. */
export const LINK_DEFAULTS = { step: 0, depth: 'course', lang: 'en' } as const satisfies Required<Omit<LinkView, 'selection'>>;

export const PRESET_ID_RE = /^[a-z0-9][a-z0-9-]{0,63}$/;

type Issue = v.BaseIssue<unknown>;
const found = (i: Issue): string => (typeof i.input === 'string' ? JSON.stringify(i.input.slice(0, 40)) : i.received);

function wholeNumber(max: number) {
  const message = (i: Issue): string => `expected a whole number 0-${max}, found ${found(i)}`;
  return v.pipe(v.number(message), v.integer(message), v.minValue(0, message), v.maxValue(max, message));
}

function isPatchOp(x: unknown): x is PatchOp {
  if (!Array.isArray(x) || typeof x[1] !== 'string') return false;
  return x.length === 3 ? x[0] === 'a' || x[0] === 'r' : x.length === 2 && x[0] === 'd';
}

const PresetId = v.pipe(v.string((i) => `expected a preset id, found ${found(i)}`), v.regex(PRESET_ID_RE, (i) => `expected a preset id such as nat-lab, found ${found(i)}`));
const Patch = v.pipe(
  v.array(v.custom<PatchOp>(isPatchOp, 'expected a change ["a" or "r", "/json/pointer", value] or ["d", "/json/pointer"]')),
  v.maxLength(PATCH_LIMITS.ops, (i) => `expected at most ${PATCH_LIMITS.ops} changes, found ${Array.isArray(i.input) ? i.input.length : i.received}`),
);
const SOURCE_SHAPES = 'expected {"preset": id}, {"preset": id, "patch": [...]} or {"custom": scenario}';
/** One object with optional parts, checked afterwards, so a bad change is named by its own path. */
const ScenarioRef = v.pipe(
  v.strictObject(
    { preset: v.exactOptional(PresetId), patch: v.exactOptional(Patch), custom: v.exactOptional(v.unknown()) },
    (i) => (i.expected === 'never' ? 'unknown field, expected preset, patch or custom' : `${SOURCE_SHAPES}, found ${found(i)}`),
  ),
  v.check((s) => ('custom' in s ? !('preset' in s) && !('patch' in s) : 'preset' in s), SOURCE_SHAPES),
);

/** Version 1 as it travels: `v` and `scenario` always, the view only where it is not the default. */
const WireV1 = v.strictObject(
  {
    v: v.literal(1, (i) => `expected 1 (a version-1 link), found ${found(i)}`),
    scenario: ScenarioRef,
    step: v.exactOptional(wholeNumber(MAX_STEP)),
    depth: v.exactOptional(v.picklist(['course', 'full'], (i) => `expected "course" or "full", found ${found(i)}`)),
    selection: v.exactOptional(
      v.strictObject(
        {
          host: v.exactOptional(v.pipe(v.string((i) => `expected a host id, found ${found(i)}`), v.maxLength(64, 'expected a host id of at most 64 characters'))),
          event: v.exactOptional(wholeNumber(MAX_STEP)),
        },
        (i) => (i.expected === 'never' ? 'unknown field, expected host or event' : `expected {"host"?, "event"?}, found ${found(i)}`),
      ),
    ),
    lang: v.exactOptional(v.picklist(['en', 'zh'], (i) => `expected "en" or "zh", found ${found(i)}`)),
  },
  (i) => {
    if (i.expected === 'never') return 'unknown field, expected one of v, scenario, step, depth, selection, lang';
    // A missing entry's issue points at its key, with nothing there.
    return i.path?.length && i.input === undefined ? 'missing (every link has v and scenario)' : `expected an object, found ${found(i)}`;
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
export function parseWireV1(json: unknown): Result<LinkWireV1> {
  // valibot's object schemas take arrays too (their keys are simply missing); say what they are.
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return err(`link: expected an object, found ${Array.isArray(json) ? 'an array' : json === null ? 'null' : typeof json}`);
  }
  for (const key of ['scenario', 'selection']) {
    if (Array.isArray((json as Record<string, unknown>)[key])) return err(`link.${key}: expected an object, found an array`);
  }
  const r = v.safeParse(WireV1, json, { abortEarly: true });
  if (r.success) return ok(r.output);
  const issue = r.issues[0];
  return err(issue ? `${issuePath(issue)}: ${issue.message}` : 'link: not a version-1 link state');
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
  };
}

/** The scenario part as read from a link: the custom scenario is still unchecked JSON. */
export type WireScenario = { preset: string; patch?: PatchOp[] } | { custom: unknown };

export interface RestoredView {
  step: number;
  depth: Depth;
  selection?: LinkSelection;
  lang: Lang;
}

/** restore(): the view with every default the wire form left out filled in. */
export function restoreView(wire: Omit<LinkWireV1, 'v' | 'scenario'>): RestoredView {
  const sel = wire.selection;
  return {
    step: wire.step ?? LINK_DEFAULTS.step,
    depth: wire.depth ?? LINK_DEFAULTS.depth,
    ...(sel && (sel.host !== undefined || sel.event !== undefined) ? { selection: { ...sel } } : {}),
    lang: wire.lang ?? LINK_DEFAULTS.lang,
  };
}

export function wireScenario(ref: LinkWireV1['scenario']): WireScenario {
  if ('custom' in ref) return { custom: ref.custom };
  return ref.patch ? { preset: ref.preset ?? '', patch: ref.patch } : { preset: ref.preset ?? '' };
}

/** A whole state from a scenario source and a view, defaults filled in. */
export function makeLinkState(scenario: LinkScenario, view: LinkView = {}): LinkState {
  return { v: LINK_VERSION, scenario, ...restoreView(view) };
}
