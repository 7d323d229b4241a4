/** How a change is written on the charts' marks: "RS1 fails", "RS2 w=3", … */
import type { LoadChange } from '../../engine';
import type { loadCatalog } from './i18n';

type T = ReturnType<typeof loadCatalog.useT>;

export function changeLabel(t: T, c: LoadChange): string {
  switch (c.kind) {
    case 'weight': return t('chart.mark.weight', { server: c.server, weight: c.weight });
    case 'fail': return t('chart.mark.fail', { server: c.server });
    case 'restore': return t('chart.mark.restore', { server: c.server });
    case 'remove-server': return t('chart.mark.remove', { server: c.server });
    case 'add-server': return t('chart.mark.add', { server: c.server });
    case 'health': return t(c.health ? 'chart.mark.healthOn' : 'chart.mark.healthOff');
    default: {
      const never: never = c;
      return never;
    }
  }
}
