/** The Lab tab: the guide of the build lab on screen, with the commands typed so far. */
import { useSim } from '../store/useSim';
import { LabGuide } from './LabGuide';
import { useBuildLab } from './useBuildLab';

export default function LabPanel() {
  const lab = useBuildLab();
  const loadScenario = useSim((s) => s.loadScenario);
  if (!lab) return null;
  return <LabGuide lab={lab} typed={[]} onReset={() => loadScenario(structuredClone(lab.start))} />;
}
