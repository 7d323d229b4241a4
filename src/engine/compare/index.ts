/**
 * The compare module, loaded on demand (engine/index.ts `loadCompare`): the app's first page
 * does not carry it, only the compare view and `cli compare` do.
 */
export { compareScenarios, measureScenario } from './compare';
export { hopCounts } from './measure';
export { checkSlideClaims, SLIDE_CLAIMS } from './claims';
