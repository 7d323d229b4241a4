/** One plain sentence per step, announced politely to screen readers. */
import { translate } from '../i18n/i18n';
import { useCurrentPacket } from '../packets/useCurrentPacket';
import { currentEventIndex } from '../store/selectors';
import { useSim } from '../store/useSim';
import { noteText } from '../trace/note-text';

export function StepLog() {
  const trace = useSim((s) => s.trace);
  const hosts = useSim((s) => s.hostIndex);
  const lang = useSim((s) => s.language);
  const cursor = useSim((s) => s.cursor);
  const total = useSim((s) => s.steps.length);
  const event = useSim((s) => s.trace?.events[currentEventIndex(s)]);
  const packet = useCurrentPacket();
  let sentence = '';
  if (event && trace && hosts) {
    const note = noteText(lang, event.note, trace, hosts);
    const n = cursor + 1;
    sentence = event.kind === 'frame'
      ? translate(lang, 'steplog.frame', {
        n, total, note, label: packet?.label?.text ?? '',
        from: hosts.name(event.from.host, lang), to: event.to.map((x) => hosts.name(x.host, lang)).join(', '),
      })
      : translate(lang, 'steplog.other', { n, total, note, host: hosts.name(event.host, lang) });
  }
  return <div className="sr-only" role="status" aria-live="polite" data-testid="step-log">{sentence}</div>;
}
