/** The build labs: machines to configure by typing, checked by the traffic they then carry. */
import { buildDr } from './build-dr';
import { buildNat } from './build-nat';
import { buildTun } from './build-tun';
import type { BuildLab } from './types';

export const BUILD_LABS: readonly BuildLab[] = [buildDr, buildNat, buildTun];

export function getBuildLab(id: string): BuildLab | undefined {
  return BUILD_LABS.find((l) => l.id === id);
}

export type { BuildLab, LabStep, SysctlLevel, TypedLine } from './types';
export { isBuildLabId, LAB_TITLES, type BuildLabId } from './catalog';
