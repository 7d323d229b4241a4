/**
 * linkStateFor: the smallest faithful link state for the scenario on screen. An unchanged preset
 * is named by its id; an edited one is the preset plus a patch, or the whole scenario, whichever
 * makes the shorter fragment. A scenario whose id is no preset's is diffed against every preset
 * (an edited copy may have been renamed).
 */
import { PRESETS, type Scenario } from '../engine';
import { encodeLink } from './link-codec';
import { makeLinkState, type LinkScenario, type LinkState, type LinkView } from './link-state';
import { deepEqual, diff, PATCH_LIMITS } from './patch';

export function linkStateFor(scenario: Scenario, view: LinkView = {}): LinkState {
  // Links carry JSON: what JSON drops (undefined fields) must not count as a change.
  const json = JSON.parse(JSON.stringify(scenario)) as Scenario;
  const same = PRESETS.filter((p) => p.id === json.id);
  const bases = (same.length ? same : PRESETS).map((p) => p.scenario);
  const exact = bases.find((b) => deepEqual(b, json));
  if (exact) return makeLinkState({ preset: exact.id }, view);
  const sources: LinkScenario[] = [{ custom: json }];
  for (const b of bases) {
    const patch = diff(b, json);
    if (patch.length <= PATCH_LIMITS.ops) sources.push({ preset: b.id, patch });
  }
  let best = makeLinkState(sources[0] as LinkScenario, view);
  let bestLength = encodeLink(best).length;
  for (const s of sources.slice(1)) {
    const state = makeLinkState(s, view);
    const length = encodeLink(state).length;
    if (length < bestLength) [best, bestLength] = [state, length];
  }
  return best;
}
