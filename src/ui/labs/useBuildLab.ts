/** The build lab the app shows, if the scenario is one: its machines carry the lab's id. */
import { getBuildLab, type BuildLab } from '../../labs';
import { useSim } from '../store/useSim';

export function useBuildLab(): BuildLab | undefined {
  const id = useSim((s) => s.scenario?.id);
  return id === undefined ? undefined : getBuildLab(id);
}
