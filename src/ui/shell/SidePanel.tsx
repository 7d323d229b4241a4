/**
 * The details beside the topology, as tabs: packet layers, host state, the event list and the
 * sequence diagram. Each tab's panel loads on first use, so the first paint carries only the
 * topology and playback.
 */
import { lazy, Suspense, useState } from 'react';
import type { MessageKey } from '../i18n/i18n';
import { useT } from '../i18n/useI18n';

const PacketInspector = lazy(() => import('../panels/PacketInspector'));
const HostInspector = lazy(() => import('../panels/HostInspector'));
const EventList = lazy(() => import('../panels/EventList'));
const SequenceView = lazy(() => import('../panels/SequenceView'));

type Tab = 'packet' | 'host' | 'events' | 'sequence';
const TABS: ReadonlyArray<{ id: Tab; labelKey: MessageKey }> = [
  { id: 'packet', labelKey: 'panels.packet' },
  { id: 'host', labelKey: 'panels.host' },
  { id: 'events', labelKey: 'panels.events' },
  { id: 'sequence', labelKey: 'panels.sequence' },
];

export function SidePanel() {
  const t = useT();
  const [tab, setTab] = useState<Tab>('packet');
  return (
    <section className="side-tabs" aria-label={t('panels.tabs')}>
      <div role="tablist" className="tablist" aria-label={t('panels.tabs')}>
        {TABS.map((x) => (
          <button key={x.id} type="button" role="tab" id={`tab-${x.id}`} aria-selected={tab === x.id} aria-controls={`panel-${x.id}`}
            data-testid={`tab-${x.id}`} onClick={() => setTab(x.id)}>
            {t(x.labelKey)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tabpanel" tabIndex={0}>
        <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
          {tab === 'packet' ? <PacketInspector /> : null}
          {tab === 'host' ? <HostInspector /> : null}
          {tab === 'events' ? <EventList /> : null}
          {tab === 'sequence' ? <SequenceView /> : null}
        </Suspense>
      </div>
    </section>
  );
}
