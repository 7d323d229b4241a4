import { describe, expect, it } from 'vitest';
import { presetQuiz } from './test-fixtures';

describe('questionFor', () => {
  it('asks the server\'s port but never the client\'s ephemeral one', () => {
    const q = presetQuiz('nat-course').at('C', 'D');
    const s = q.fields.find((f) => f.id === 's');
    const d = q.fields.find((f) => f.id === 'd');
    expect(s?.truth).toBe('10.11.12.13');
    expect(s?.options.every((o) => !o.includes(':'))).toBe(true);
    expect(d?.truth).toBe('11.12.13.14:80');
    expect(d?.options).toContain('192.168.1.11:80');
  });

  it('asks the outer and the inner header of an IP-in-IP hop, then who receives it', () => {
    const q = presetQuiz('tun-course').at('D', 'RS2');
    expect(q.fields.map((f) => [f.id, f.truth])).toEqual([
      ['s', '11.22.33.44'], ['d', '33.44.55.66'], ['innerS', '44.55.66.77'], ['innerD', '11.22.33.44:80'], ['to', 'RS2'],
    ]);
  });

  it('offers every host but routers as the receiver, and each address once whoever holds it', () => {
    const { quiz } = presetQuiz('nat-course');
    expect(quiz.ctx.hosts).toEqual(['C', 'D', 'RS1', 'RS2', 'RS3']);
    const dr = presetQuiz('dr-course');
    expect(dr.quiz.ctx.book.get('192.168.1.100')).toMatchObject({ term: 'vip', holders: ['D', 'RS1', 'RS2', 'RS3'], labels: { RS1: 'lo:0' } });
    expect(new Set(dr.quiz.ctx.addresses).size).toBe(dr.quiz.ctx.addresses.length);
  });

  it('names addresses with the course\'s words: CIP, VIP, DIP, RIP', () => {
    const { book } = presetQuiz('nat-course').quiz.ctx;
    expect(['10.11.12.13', '11.12.13.14', '192.168.1.10', '192.168.1.11'].map((ip) => book.get(ip)?.term)).toEqual(['cip', 'vip', 'dip', 'rip']);
  });
});
