import { describe, expect, it } from 'vitest';
import { ENGINE_PROBLEMS, say } from './codes';
import { formatEnglish, formatProblem } from './format';
import { formatPhrase, phraseAsMessage, phraseOfMessage, problemAt } from './phrase';

describe('say', () => {
  it('builds a phrase from a code of the table and exactly its params', () => {
    expect(say('route.host-bits', { dst: '10.0.0.5/8', network: '10.0.0.0/8' })).toEqual({ code: 'route.host-bits', params: { dst: '10.0.0.5/8', network: '10.0.0.0/8' } });
    expect(say('ipvs.port-zero')).toEqual({ code: 'ipvs.port-zero', params: {} });
  });

  it('does not compile for a code the table lacks or params its sentence does not fill', () => {
    // @ts-expect-error: no such code in ENGINE_PROBLEMS
    say('route.no-such-problem');
    // @ts-expect-error: route.host-bits needs network as well
    say('route.host-bits', { dst: '10.0.0.5/8' });
    // @ts-expect-error: ipvs.port-zero has no params
    say('ipvs.port-zero', { port: 0 });
    expect(true).toBe(true);
  });
});

describe('formatProblem', () => {
  it('writes the path, then the sentence with its inner phrases in English', () => {
    const reason = say('ipv4.octet-too-large', { text: '10.1.1.300', octet: '300' });
    expect(formatProblem(problemAt('hosts[0].apps[0].target', say('endpoint.bad-address', { text: '10.1.1.300:80', reason }))))
      .toBe('hosts[0].apps[0].target: "10.1.1.300:80" is not an address:port: "10.1.1.300" is not an IPv4 address: 300 is larger than 255');
    expect(formatProblem(problemAt(null, say('version.newer', { version: 7, current: 1 })))).toBe('version 7 is newer than this app understands (1)');
  });

  it('counts further problems after the first, in the singular for one', () => {
    const first = problemAt('hosts[0].role', say('shape.missing', { expected: say('what.string') }));
    expect(formatProblem({ ...first, more: 1 })).toBe('hosts[0].role: missing, expected a string (and 1 more problem)');
    expect(formatProblem({ ...first, more: 3 })).toBe('hosts[0].role: missing, expected a string (and 3 more problems)');
  });

  it('keeps a problem on one line and cuts it at 1,000 characters, whatever the input held', () => {
    const p = problemAt('hosts[0].id', say('shape.expected-found', { expected: say('what.host-id'), found: `"a\nb${'x'.repeat(2000)}"` }));
    const line = formatProblem(p);
    expect(line).not.toMatch(/[\n\r]/);
    expect(line).toContain('"a\\u000ab');
    expect(line).toHaveLength(1000);
    expect(line.endsWith('…')).toBe(true);
  });

  it('shows a code its table lacks as [[code]], never a crash', () => {
    expect(formatPhrase({ code: 'no.such-code', params: {} }, ENGINE_PROBLEMS)).toBe('[[no.such-code]]');
    expect(formatEnglish({ code: 'shape.expected', params: { expected: { code: 'no.such-code', params: {} } } })).toBe('expected [[no.such-code]]');
  });
});

describe('phraseAsMessage and phraseOfMessage', () => {
  it('carry a phrase through a valibot message and back', () => {
    const p = say('shape.has-spaces', { text: ' 10.0.0.1', expected: say('what.ipv4') });
    expect(phraseOfMessage(phraseAsMessage(p))).toEqual(p);
  });

  it('keep text that is not a phrase as written', () => {
    expect(phraseOfMessage('Invalid key: Expected string but received 5')).toEqual({ code: 'text.as-written', params: { text: 'Invalid key: Expected string but received 5' } });
    expect(phraseOfMessage('{"code": 5}')).toEqual({ code: 'text.as-written', params: { text: '{"code": 5}' } });
  });
});
