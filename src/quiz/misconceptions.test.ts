import { describe, expect, it } from 'vitest';
import type { FieldId } from './questions';
import { presetQuiz } from './test-fixtures';

/** The misconception a single wrong field earns on the hop from → to. */
function mistake(id: string, from: string, to: string, field: FieldId, answer: string) {
  const p = presetQuiz(id);
  const r = p.answer(p.at(from, to), { [field]: answer });
  expect(r.right).toBe(false);
  return r.fields.find((f) => f.id === field)?.misconception ?? null;
}

describe('misconceptionOf', () => {
  it('answering DR\'s reply source as the RIP: the real server replies from the VIP it holds on lo:0', () => {
    expect(mistake('dr-course', 'RS3', 'C', 's', '192.168.1.14:80')).toEqual({
      code: 'reply-from-rip', params: { server: 'RS3', vip: '192.168.1.100', iface: 'lo:0' },
    });
  });

  it('answering TUN\'s reply source as the RIP names tunl0, where the real server holds the VIP', () => {
    expect(mistake('tun-course', 'RS2', 'C', 's', '33.44.55.66:80')?.params.iface).toBe('tunl0');
  });

  it('answering TUN\'s outer source as the client: the director writes the outer header from its own address', () => {
    expect(mistake('tun-course', 'D', 'RS2', 's', '44.55.66.77')).toEqual({ code: 'tun-outer-source-client', params: { outer: '11.22.33.44', client: '44.55.66.77' } });
  });

  it('sending NAT\'s reply straight to the client: the real server\'s gateway is the director', () => {
    expect(mistake('nat-course', 'RS3', 'D', 'to', 'C')?.code).toBe('nat-reply-straight-to-client');
  });

  it('recognises the other mode mistakes: DR rewriting the IP, NAT without DNAT or SNAT, TUN\'s outer header to the VIP', () => {
    expect(mistake('dr-course', 'D', 'RS3', 'd', '192.168.1.14:80')?.code).toBe('dr-rewrites-ip');
    expect(mistake('nat-course', 'D', 'RS3', 'd', '11.12.13.14:80')?.code).toBe('nat-no-dnat');
    expect(mistake('nat-course', 'D', 'C', 's', '192.168.1.13:80')?.code).toBe('nat-no-snat');
    expect(mistake('nat-course', 'RS3', 'D', 's', '11.12.13.14:80')?.code).toBe('nat-reply-from-vip');
    expect(mistake('tun-course', 'D', 'RS2', 'd', '11.22.33.44')?.code).toBe('tun-outer-to-vip');
    expect(mistake('tun-course', 'D', 'RS2', 'innerD', '33.44.55.66:80')?.code).toBe('tun-inner-rewritten');
    expect(mistake('dr-course', 'D', 'RS3', 's', '192.168.1.11')?.code).toBe('lvs-keeps-client-source');
    expect(mistake('dr-course', 'RS3', 'C', 'to', 'D')?.code).toBe('reply-skips-director');
  });

  it('reads DR\'s VIP ARP both ways: a silent real server with arp_ignore, the first answer without it', () => {
    expect(mistake('dr-course', 'C', 'D', 'to', 'RS1')?.code).toBe('dr-vip-arp');
    expect(mistake('dr-lab-no-arp-sysctl', 'C', 'RS2', 'to', 'D')?.code).toBe('dr-vip-arp-race');
  });

  it('gives no explanation to a wrong answer that is no known mistake', () => {
    expect(mistake('dr-course', 'RS3', 'C', 's', '192.168.1.200')).toBeNull();
    expect(mistake('nat-course', 'D', 'RS3', 'to', 'RS1')).toBeNull();
  });
});
