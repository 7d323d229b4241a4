/** The Lab tab: the guide of the build lab on screen, with the commands typed so far. */
import { useSim } from '../store/useSim';
import { LabGuide } from './LabGuide';
import { useBuildLab } from './useBuildLab';

export default function LabPanel() {
  const lab = useBuildLab();
  const typed = useSim((s) => s.consoleLines);
  const resetConsole = useSim((s) => s.resetConsole);
  const loadScenario = useSim((s) => s.loadScenario);
  if (!lab) return null;
  // Reset: the lab's machines as it begins, whatever was typed or edited since.
  const reset = () => {
    resetConsole();
    loadScenario(structuredClone(lab.start));
  };
  return <LabGuide lab={lab} typed={typed} onReset={reset} />;
}
