import { describe, expect, it } from 'vitest';
import { getPreset, PRESET_IDS } from '../../engine';
import { directorService } from './director-servers';

describe('directorService', () => {
  it('names nat-lab\'s real servers by host, with their weights and the service\'s scheduler', () => {
    const s = directorService(getPreset('nat-lab')!);
    expect(s?.director).toBe('D');
    expect(s?.servers.map((x) => x.id)).toEqual(['RS1', 'RS2']);
    expect(s?.servers.every((x) => x.weight >= 0)).toBe(true);
  });
  it('finds no service in a scenario without a director', () => {
    expect(directorService(getPreset('routed-basic')!)).toBeNull();
  });
  it('finds a service in every preset whose director has rules', () => {
    const withRules = PRESET_IDS.filter((id) => getPreset(id)!.hosts.some((h) => h.role === 'director' && h.ipvs?.services.length));
    expect(withRules.length).toBeGreaterThan(3);
    for (const id of withRules) expect(directorService(getPreset(id)!), id).not.toBeNull();
  });
});
