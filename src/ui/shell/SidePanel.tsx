/**
 * The details beside the topology, as tabs: packet layers, host state, the event list and the
 * sequence diagram. Each tab's panel loads on first use, so the first paint carries only the
 * topology and playback.
 */
import { Activity, lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { MessageKey } from '../i18n/i18n';
import { useT } from '../i18n/useI18n';
import { isBuildLabId } from '../../labs/catalog';
import { useSim } from '../store/useSim';
import { PHONE, useMediaQuery } from './useMediaQuery';
import { useInView } from './useInView';

const PacketInspector = lazy(() => import('../panels/PacketInspector'));
const HostInspector = lazy(() => import('../panels/HostInspector'));
const EventList = lazy(() => import('../panels/EventList'));
const SequenceView = lazy(() => import('../panels/SequenceView'));
const LabPanel = lazy(() => import('../labs/LabPanel'));

type Tab = 'lab' | 'packet' | 'host' | 'events' | 'sequence';
const TABS: ReadonlyArray<{ id: Tab; labelKey: MessageKey }> = [
  { id: 'packet', labelKey: 'panels.packet' },
  { id: 'host', labelKey: 'panels.host' },
  { id: 'events', labelKey: 'panels.events' },
  { id: 'sequence', labelKey: 'panels.sequence' },
];

const LAB_TAB = { id: 'lab', labelKey: 'lab.title' } as const;

export function SidePanel() {
  const t = useT();
  const scenarioId = useSim((s) => s.scenario?.id);
  const labId = scenarioId !== undefined && isBuildLabId(scenarioId) ? scenarioId : undefined;
  const [tab, setTab] = useState<Tab>(labId ? 'lab' : 'packet');
  // A lab opens on its checklist; leaving the lab leaves its tab.
  useEffect(() => setTab((now) => (labId ? 'lab' : now === 'lab' ? 'packet' : now)), [labId]);
  // A host tapped on the topology: its inspector, brought into view where it sits below (a phone).
  const hostTabRequest = useSim((s) => s.hostTabRequest);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (hostTabRequest === 0) return;
    setTab('host');
    ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [hostTabRequest]);
  const tabs = labId ? [LAB_TAB, ...TABS] : TABS;
  // On a phone the tabs are under the fold: out of view, their panel is hidden and not
  // re-rendered on every hop while the topology plays (React's Activity defers it).
  const inView = useInView(ref, useMediaQuery(PHONE));
  return (
    <section ref={ref} className="side-tabs" aria-label={t('panels.tabs')}>
      <div role="tablist" className="tablist" aria-label={t('panels.tabs')}>
        {tabs.map((x) => (
          <button key={x.id} type="button" role="tab" id={`tab-${x.id}`} aria-selected={tab === x.id} aria-controls={`panel-${x.id}`}
            data-testid={`tab-${x.id}`} onClick={() => setTab(x.id)}>
            {t(x.labelKey)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tabpanel" tabIndex={0}>
        <Activity mode={inView ? 'visible' : 'hidden'}>
          <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
            {tab === 'lab' ? <LabPanel /> : null}
            {tab === 'packet' ? <PacketInspector /> : null}
            {tab === 'host' ? <HostInspector /> : null}
            {tab === 'events' ? <EventList /> : null}
            {tab === 'sequence' ? <SequenceView /> : null}
          </Suspense>
        </Activity>
      </div>
    </section>
  );
}
