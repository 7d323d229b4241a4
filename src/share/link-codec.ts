/**
 * Share links live in the URL fragment (never sent to a server). Version 1 has two spellings:
 *   v1.p.<preset>.<step>.<lang>  an unchanged preset, course depth, nothing selected: readable.
 *                                Typed by hand it may stop early: v1.p.<preset> is step 0 and
 *                                v1.p.<preset>.<step> too opens in the reader's language; the
 *                                encoder always writes all four parts
 *   v1.<base64url>               deflate-raw(JSON of the wire state, link-state.ts), then the
 *                                CRC-32 of those deflate bytes (4 bytes, big-endian)
 * Raw deflate has no checksum of its own. The CRC covers the bytes as sent, so one altered
 * character (6 bits within 2 bytes, a burst CRC-32 always detects) is always caught, even one
 * that would inflate to the same JSON; strict base64url (no stray bits) means no two texts
 * open as the same packed link.
 * decodeLink never throws. Its order is STYLE.md principle 9's: cap the size → base64url →
 * checksum → inflate with a cap on the output → JSON → shape → migrate one version at a time →
 * apply the patch to the preset → validateScenario → restore the view's defaults.
 */
import { deflateSync } from 'fflate';
import { foundPhrase, getPreset, PRESETS, problemAt, say, validateScenario, type Phrase, type Problem, type Scenario } from '../engine';
import { decodeBase64url, encodeBase64url } from './base64url';
import { crc32 } from './crc32';
import { inflateCapped } from './inflate-capped';
import {
  LINK_VERSION, MAX_STEP, PRESET_ID_RE, parseWireV1, restoreView, toWire, wireScenario,
  type LinkState, type LinkWireV1, type RestoredView, type WireScenario,
} from './link-state';
import { formatLinkProblem, sayLink } from './link-problems';
import { applyPatch, orderKeysLike } from './patch';
import { err, ok, type Result } from './result';

/** Longest fragment decodeLink reads (a whole URL may be longer by its address part). */
export const MAX_FRAGMENT_CHARS = 16_384;
/** Most JSON a link may inflate to; a bomb is refused when its output passes this. */
export const MAX_DECODED_BYTES = 1_048_576;

export interface DecodedLink extends RestoredView {
  scenario: Scenario;
  /** How the link named its scenario; `preset` is the id it started from, if any. */
  source: 'preset' | 'patch' | 'custom';
  /** A short plain link named no language: open it in the reader's (`lang` holds the default). */
  readerLang?: true;
  preset?: string;
}
/** A refusal carries the problem (code, params, path) and its English line, as the CLI prints it. */
export type DecodeLinkResult = { ok: true; value: DecodedLink } | { ok: false; problem: Problem; message: string };

const corrupt = (reason: Phrase): Problem => problemAt(null, sayLink('link.corrupt', { reason }));
const refuse = (phrase: Phrase): { ok: false; error: Problem } => err(problemAt(null, phrase));

function plainForm(state: LinkState): string | undefined {
  const s = state.scenario;
  if (!('preset' in s) || 'patch' in s || state.depth !== 'course' || state.selection || state.lines?.length || state.quiz?.length || !PRESET_ID_RE.test(s.preset)) return undefined;
  return `v${LINK_VERSION}.p.${s.preset}.${state.step}.${state.lang}`;
}

/** The fragment (without '#') that opens `state`. */
export function encodeLink(state: LinkState): string {
  const plain = plainForm(state);
  if (plain !== undefined) return plain;
  const json = new TextEncoder().encode(JSON.stringify(toWire(state)));
  const packed = deflateSync(json, { level: 9 });
  const bytes = new Uint8Array(packed.length + 4);
  bytes.set(packed);
  new DataView(bytes.buffer).setUint32(packed.length, crc32(packed));
  return `v${LINK_VERSION}.${encodeBase64url(bytes)}`;
}

function readPlainV1(parts: readonly string[]): Result<LinkWireV1, Problem> {
  const [, preset = '', step, lang] = parts;
  const shape = { v: `v${LINK_VERSION}`, example: 'v1.p.nat-lab.0.en' };
  if (parts.length < 2 || parts.length > 4) return refuse(sayLink('link.malformed-plain', shape));
  if (!PRESET_ID_RE.test(preset)) return refuse(sayLink('link.bad-preset-id', { preset: JSON.stringify(preset.slice(0, 40)), ...shape }));
  if (step !== undefined && (!/^(0|[1-9][0-9]{0,8})$/.test(step) || Number(step) > MAX_STEP)) return refuse(sayLink('link.bad-step', { step: JSON.stringify(step.slice(0, 20)), max: MAX_STEP }));
  if (lang !== undefined && lang !== 'en' && lang !== 'zh') return refuse(sayLink('link.bad-lang', { lang: JSON.stringify(lang.slice(0, 20)) }));
  return ok({ v: 1, scenario: { preset }, step: Number(step ?? 0), ...(lang !== undefined ? { lang } : {}) });
}

function readPackedV1(body: string): Result<LinkWireV1, Problem> {
  const bytes = decodeBase64url(body);
  if (!bytes.ok) return err(corrupt(bytes.error));
  if (bytes.value.length < 6) return err(corrupt(sayLink('link.too-short')));
  const split = bytes.value.length - 4;
  const packed = bytes.value.subarray(0, split);
  const want = new DataView(bytes.value.buffer, bytes.value.byteOffset + split, 4).getUint32(0);
  if (crc32(packed) !== want) return err(corrupt(sayLink('link.checksum-mismatch')));
  const inflated = inflateCapped(packed, MAX_DECODED_BYTES);
  if (!inflated.ok) {
    return inflated.error.kind === 'too-large'
      ? refuse(sayLink('link.decoded-too-large', { max: MAX_DECODED_BYTES }))
      : err(corrupt(sayLink('link.deflate-invalid', { detail: inflated.error.detail })));
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated.value));
  } catch (e) {
    return refuse(sayLink('link.not-json', { reason: e instanceof Error ? e.message : String(e) }));
  }
  return parseWireV1(json);
}

function readV1(body: string): Result<LinkWireV1, Problem> {
  const parts = body.split('.');
  if (parts[0] === 'p') return readPlainV1(parts);
  if (parts.length !== 1) return refuse(sayLink('link.malformed', { v: `v${LINK_VERSION}` }));
  return readPackedV1(body);
}

/**
 * READERS[n] reads a version-n fragment body into that version's wire state; retired versions'
 * readers are frozen in legacy/. MIGRATIONS[n] turns a version-n wire state into version n + 1.
 */
const READERS: Readonly<Record<number, (body: string) => Result<unknown, Problem>>> = { 1: readV1 };
const MIGRATIONS: Readonly<Record<number, (wire: unknown) => unknown>> = {};
const VERSIONS = Object.keys(READERS).map(Number).sort((a, b) => a - b);
const OPENS = VERSIONS.length > 1 ? `v${VERSIONS[0]}-v${LINK_VERSION}` : `v${LINK_VERSION}`;

function readWire(fragment: string): Result<LinkWireV1, Problem> {
  const m = /^v([0-9]{1,6})\.(.*)$/s.exec(fragment);
  if (!m) return refuse(sayLink('link.not-lvs-flow', { prefix: `v${LINK_VERSION}.`, found: JSON.stringify(fragment.slice(0, 12)) }));
  const version = Number(m[1]);
  // "v01" is not "v1": one spelling per version.
  const read = String(version) === m[1] ? READERS[version] : undefined;
  if (!read) return refuse(sayLink('link.unknown-version', { version: `v${m[1]}`, opens: OPENS }));
  const r = read(m[2] ?? '');
  if (!r.ok) return r;
  let wire = r.value;
  for (let n = version; n < LINK_VERSION; n++) {
    const step = MIGRATIONS[n];
    if (!step) return refuse(sayLink('link.no-migration', { version: `v${n}`, next: `v${n + 1}` }));
    wire = step(wire);
  }
  return ok(wire as LinkWireV1);
}

/** "hosts[2].id" → "scenario.hosts[2].id", so the path reads from the link's top. */
function inLink(p: Problem): Problem {
  const path = p.path === null || p.path === 'scenario' ? 'scenario' : p.path.startsWith('[') ? `scenario${p.path}` : `scenario.${p.path}`;
  return { ...p, path };
}

function resolveScenario(ref: WireScenario): Result<{ scenario: Scenario; preset?: string; source: DecodedLink['source'] }, Problem> {
  let doc: unknown;
  if ('custom' in ref) doc = ref.custom;
  else {
    const preset = getPreset(ref.preset);
    if (!preset) return refuse(sayLink('link.unknown-preset', { preset: ref.preset, presets: PRESETS.map((p) => p.id).join(', ') }));
    const patched = ref.patch ? applyPatch(preset, ref.patch) : ok<unknown>(preset);
    if (!patched.ok) return refuse(sayLink('link.patch-failed', { preset: ref.preset, reason: patched.error }));
    doc = patched.value;
  }
  const v = validateScenario(doc);
  if (!v.ok) return err(inLink(v.error));
  const scenario = orderKeysLike(v.value, doc);
  if ('custom' in ref) return ok({ scenario, source: 'custom' });
  return ok({ scenario, preset: ref.preset, source: ref.patch ? 'patch' : 'preset' });
}

function decode(input: string): Result<DecodedLink, Problem> {
  const hash = input.indexOf('#');
  const fragment = (hash >= 0 ? input.slice(hash + 1) : input).trim();
  if (fragment === '') return refuse(sayLink('link.empty', { example: `v${LINK_VERSION}.p.nat-lab.0.en` }));
  if (fragment.length > MAX_FRAGMENT_CHARS) return refuse(sayLink('link.too-large', { length: fragment.length, max: MAX_FRAGMENT_CHARS }));
  const wire = readWire(fragment);
  if (!wire.ok) return wire;
  const resolved = resolveScenario(wireScenario(wire.value.scenario));
  if (!resolved.ok) return resolved;
  const { scenario, source, preset } = resolved.value;
  const view = restoreView(wire.value);
  // Lines replay on their hosts: one on a host the scenario lacks cannot be replayed faithfully.
  const hosts = scenario.hosts.map((h) => h.id);
  const stray = view.lines?.findIndex((l) => !hosts.includes(l.host)) ?? -1;
  if (stray >= 0) {
    const host = JSON.stringify(view.lines?.[stray]?.host);
    return err(problemAt(`link.lines[${stray}][0]`, sayLink('link.unknown-line-host', { index: stray, host, hosts: hosts.join(', ') })));
  }
  // Only a plain link can leave the language out: a packed one without it was written in English.
  const readerLang = fragment.startsWith(`v${LINK_VERSION}.p.`) && wire.value.lang === undefined;
  // A selected host the scenario does not have is dropped, not an error: the rest still opens.
  const host = view.selection?.host;
  if (view.selection && host !== undefined && !scenario.hosts.some((h) => h.id === host)) {
    const { host: _gone, ...rest } = view.selection;
    if (rest.event !== undefined) view.selection = rest;
    else delete view.selection;
  }
  return ok({ ...view, scenario, source, ...(preset !== undefined ? { preset } : {}), ...(readerLang ? { readerLang: true as const } : {}) });
}

/**
 * A fragment, a fragment with its '#', or a whole URL → what the link opens, or a message that
 * says what was wrong and what is expected. Never throws.
 * @example decodeLink('v1.p.nat-lab.5.zh') // { ok: true, value: { scenario, step: 5, lang: 'zh', … } }
 */
export function decodeLink(input: string): DecodeLinkResult {
  let r: Result<DecodedLink, Problem>;
  try {
    r = typeof input === 'string' ? decode(input) : err(problemAt('link', say('shape.expected-found', { expected: say('what.text'), found: foundPhrase(typeof input) })));
  } catch (e) {
    // Nothing above should throw; if it ever does, the caller still gets a message, not a crash.
    r = refuse(sayLink('link.unreadable', { reason: e instanceof Error ? e.message : String(e) }));
  }
  return r.ok ? r : { ok: false, problem: r.error, message: formatLinkProblem(r.error) };
}
