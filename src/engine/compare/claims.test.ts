import { describe, expect, it } from 'vitest';
import { getPreset } from '../scenarios';
import { checkSlideClaims, type ClaimCheck } from './claims';
import { measureScenario } from './compare';

const verdicts = (...ids: string[]): Record<string, string> => {
  const rows = ids.map((id) => measureScenario(id, getPreset(id)!, { requests: 2 }).row);
  return Object.fromEntries(checkSlideClaims(rows).map((c: ClaimCheck) => [`${c.id} ${c.claim}`, c.verdict]));
};

describe('checkSlideClaims', () => {
  it('confirms what the NAT, DR and TUN summaries say of the director, and not the TUN slide\'s heavy load', () => {
    expect(verdicts('nat-lab', 'dr-lab', 'tun-course')).toEqual({
      'nat-lab nat.gateway': 'confirmed',
      'nat-lab nat.port-mapping': 'not-shown',
      'nat-lab nat.both-ways': 'confirmed',
      'dr-lab dr.one-broadcast-domain': 'confirmed',
      'dr-lab dr.inbound-only': 'confirmed',
      'dr-lab dr.no-port-mapping': 'confirmed',
      'tun-course tun.no-port-mapping': 'confirmed',
      'tun-course tun.in-ds-out-rs': 'confirmed',
      'tun-course tun.heavy-load': 'contradicted',
    });
  });

  it('holds no slide against a run without IPVS', () => {
    expect(verdicts('l7-overview', 'routed-basic')).toEqual({});
  });

  it('contradicts DR\'s inbound-only claim when the client skips the director (no arp_ignore on the real servers)', () => {
    const v = verdicts('dr-lab-no-arp-sysctl');
    expect(v['dr-lab-no-arp-sysctl dr.inbound-only']).toBe('contradicted');
    expect(v['dr-lab-no-arp-sysctl dr.no-port-mapping']).toBe('not-shown');
  });
});
