/**
 * The share-link codec: what the app's Copy link writes and what opening a link reads, the
 * same for the CLI's `link encode` / `link decode`. Pure: runs in browsers, workers and Node.
 *
 * @example
 * const fragment = encodeLink(linkStateFor(scenario, { step: 5, lang: 'zh' }));
 * const opened = decodeLink(location.hash); // { ok: true, value: { scenario, step, … } } or { ok: false, message }
 */
export { decodeLink, encodeLink, MAX_DECODED_BYTES, MAX_FRAGMENT_CHARS, type DecodedLink, type DecodeLinkResult } from './link-codec';
export { linkStateFor } from './link-for';
export {
  LINK_DEFAULTS, LINK_VERSION, makeLinkState,
  type Depth, type Lang, type LinkLine, type LinkScenario, type LinkSelection, type LinkState, type LinkView, LINK_LINE_LIMITS, LINK_QUIZ_LIMITS,
} from './link-state';
export { applyPatch, diff, type PatchOp } from './patch';
export { formatLinkProblem, LINK_PROBLEMS, LINK_TEXT, linkProblemLine, sayLink, type LinkProblemCode } from './link-problems';
