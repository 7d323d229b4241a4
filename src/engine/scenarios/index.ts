/**
 * The preset registry: every course diagram and broken variant, in the order the app lists them
 * (basics, the course's overview, modes and labs in slide order, then what goes wrong).
 * Ids are a contract (docs/cli.md): never rename one, add a new one instead.
 */
import type { I18nText, Scenario, ScenarioGroup } from '../scenario/types';
import { drCourse } from './dr-course';
import { drLab } from './dr-lab';
import { drLabNoArpSysctl } from './dr-lab-no-arp-sysctl';
import { drLabNoVipOnLo } from './dr-lab-no-vip-on-lo';
import { drLabPortMapping } from './dr-lab-port-mapping';
import { drCourseNoDip } from './dr-course-no-dip';
import { l4Overview } from './l4-overview';
import { l7Overview } from './l7-overview';
import { lanArp } from './lan-arp';
import { natCourse } from './nat-course';
import { natLab } from './nat-lab';
import { natLabBadGateway } from './nat-lab-bad-gateway';
import { routedBasic } from './routed-basic';
import { tunCourse } from './tun-course';
import { tunCourseNoAcceptLocal } from './tun-course-no-accept-local';
import { tunCourseNoTunl0 } from './tun-course-no-tunl0';
import { tunCourseRpFilter } from './tun-course-rp-filter';
import { tunSeparateVip } from './tun-separate-vip';

export interface PresetEntry {
  id: string;
  group: ScenarioGroup;
  scenario: Scenario;
}

const entry = (scenario: Scenario): PresetEntry => ({ id: scenario.id, group: scenario.group ?? 'labs', scenario });

export const PRESETS: readonly PresetEntry[] = [
  routedBasic,
  lanArp,
  l4Overview,
  l7Overview,
  natCourse,
  drCourse,
  tunCourse,
  tunSeparateVip,
  drLab,
  natLab,
  natLabBadGateway,
  drLabNoArpSysctl,
  drLabNoVipOnLo,
  drLabPortMapping,
  tunCourseNoTunl0,
  tunCourseRpFilter,
  tunCourseNoAcceptLocal,
  drCourseNoDip,
].map(entry);

export interface PresetSummary {
  id: string;
  title: I18nText;
  summary: I18nText;
  group: ScenarioGroup;
}

/** Every preset's id, title, summary and group, in display order. */
export function listPresets(): PresetSummary[] {
  return PRESETS.map((p) => ({ id: p.id, title: { ...p.scenario.title }, summary: { ...p.scenario.summary }, group: p.group }));
}

/**
 * The preset with this id, as a fresh copy the caller may change; undefined for an unknown id.
 * @example getPreset('nat-lab')?.hosts.map((h) => h.id) // ['C', 'D', 'RS1', 'RS2']
 */
export function getPreset(id: string): Scenario | undefined {
  const p = PRESETS.find((x) => x.id === id);
  return p ? structuredClone(p.scenario) : undefined;
}

export const PRESET_IDS: readonly string[] = PRESETS.map((p) => p.id);
