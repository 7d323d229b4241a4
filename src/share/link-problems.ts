/**
 * The share codec's own problem codes, beside the engine's (a link that cannot open may say so
 * with an engine phrase inside: a bad address in a custom scenario). English is the contract:
 * `link decode` prints these lines. The UI's catalogues hold each under `problems.<code>`.
 */
import { ENGINE_PROBLEMS, formatPhrase, phrasebook, problemLine, type Phrase, type Problem } from '../engine';

export const LINK_PROBLEMS = {
  'link.empty': 'link is empty (expected a fragment such as {{example}})',
  'link.too-large': 'link too large ({{length}} > {{max}} characters)',
  'link.not-lvs-flow': 'not an lvs-flow link (expected it to start with {{prefix}}, found {{found}})',
  'link.unknown-version': 'unknown link version {{version}} (this app opens {{opens}})',
  'link.no-migration': 'link version {{version}} cannot be upgraded (no migration to {{next}})',
  'link.malformed-plain': 'link is malformed (expected {{v}}.p.<preset>[.<step>[.<lang>]], e.g. {{example}})',
  'link.bad-preset-id': 'link is malformed: {{preset}} is not a preset id (expected {{v}}.p.<preset>[.<step>[.<lang>]], e.g. {{example}})',
  'link.bad-step': 'link is malformed: step {{step}} is not a whole number 0-{{max}}',
  'link.bad-lang': 'link is malformed: language {{lang}} is not en or zh',
  'link.malformed': 'link is malformed (expected {{v}}.<base64url> or {{v}}.p.<preset>.<step>.<lang>)',
  'link.corrupt': 'link is truncated or corrupted ({{reason}})',
  'link.too-short': 'too short',
  'link.checksum-mismatch': 'checksum mismatch',
  'link.deflate-invalid': 'deflate data invalid: {{detail}}',
  'link.decoded-too-large': 'decoded link exceeds 1 MB ({{max}} bytes)',
  'link.not-json': 'link content is not JSON text ({{reason}})',
  'link.unreadable': 'link could not be read ({{reason}})',
  'link.not-v1-state': 'not a version-1 link state',
  'link.missing-part': 'missing (every link has v and scenario)',
  'link.unknown-preset': 'unknown preset "{{preset}}" in link (this app has {{presets}})',
  'link.patch-failed': "link's changes do not apply to preset {{preset}}: {{reason}}",
  'link.unknown-line-host': 'line {{index}} was typed on host {{host}}, which the scenario does not have (hosts: {{hosts}})',
  'link.quiz-repeated-hop': 'a quiz asks each hop once',
  'link.unknown-quiz-hop': 'the quiz asks hop {{hop}}, but this scenario has only {{count}} hops (0-{{last}})',
  'base64url.bad-character': 'character {{char}} at {{index}} is not base64url (A-Z a-z 0-9 - _)',
  'base64url.bad-length': '{{length}} characters cannot be base64url',
  'base64url.stray-bits': 'the last character has stray bits',
  'patch.change-failed': 'change {{index}}: {{reason}}',
  'patch.bad-start': 'path "{{path}}" must be empty or start with "/"',
  'patch.path-too-long': 'path longer than {{max}} characters',
  'patch.bad-tilde': 'path "{{path}}" has a "~" that is not ~0 or ~1',
  'patch.too-deep': 'path "{{path}}" is deeper than {{max}} levels',
  'patch.names-proto': 'path "{{path}}" names __proto__',
  'patch.delete-root': 'cannot delete the whole document',
  'patch.no-key-on-way': 'no "{{key}}" on the way to {{path}}',
  'patch.no-element': '{{path}}: no element {{index}} (the array has {{length}})',
  'patch.parent-not-container': '{{path}}: the parent is not an object or array',
  'patch.no-key': '{{path}}: no key "{{key}}"',
  // What a link's parts expect (the rest are the engine's what.*).
  'what.preset-id': 'a preset id',
  'what.preset-id-example': 'a preset id such as nat-lab',
  'what.patch-op': 'a change ["a" or "r", "/json/pointer", value] or ["d", "/json/pointer"]',
  'what.changes-at-most': 'at most {{max}} changes',
  'what.link-source': '{"preset": id}, {"preset": id, "patch": [...]} or {"custom": scenario}',
  'what.link-version-1': '1 (a version-1 link)',
  'what.host-id-any': 'a host id',
  'what.host-id-at-most': 'a host id of at most {{max}} characters',
  'what.selection': '{"host"?, "event"?}',
  'what.console-line': '["host", "command line"] (a line of at most {{max}} characters)',
  'what.console-lines': 'at most {{max}} console lines',
  'what.quiz-hops': '{{min}} to {{max}} hop numbers 0-{{maxHop}}',
} as const;

export type LinkProblemCode = keyof typeof LINK_PROBLEMS;

/** Both tables: a link's phrases may hold the engine's. */
export const LINK_TEXT = { ...ENGINE_PROBLEMS, ...LINK_PROBLEMS };

/** sayLink('link.bad-step', { step, max }); the engine's codes are the engine's `say`. */
export const sayLink = phrasebook(LINK_PROBLEMS);

const MAX_MESSAGE_CHARS = 300;

/** Messages may quote the link's own text: keep them one line, and short, whatever it held. */
function linkLine(message: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = message.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return flat.length > MAX_MESSAGE_CHARS ? `${flat.slice(0, MAX_MESSAGE_CHARS - 1)}…` : flat;
}

/** Why a link did not open, as one line in the language `render` words phrases in. */
export function linkProblemLine(p: Problem, render: (phrase: Phrase) => string): string {
  return linkLine(problemLine(p, render));
}

/** The English line `link decode` prints. */
export const formatLinkProblem = (p: Problem): string => linkProblemLine(p, (phrase) => formatPhrase(phrase, LINK_TEXT));
