import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64url, encodeBase64url } from './base64url';
import { formatLinkProblem } from './link-problems';
import { problemAt } from '../engine';

/** The refusal as `link decode` would word it; '' when the text decodes. */
const refusal = (text: string): string => {
  const r = decodeBase64url(text);
  return r.ok ? '' : formatLinkProblem(problemAt(null, r.error));
};

/** The platform's base64, made url-safe and unpadded: the reference we must agree with. */
const reference = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

describe('encodeBase64url', () => {
  it('writes what btoa writes, url-safe and without padding', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => encodeBase64url(bytes) === reference(bytes)));
    expect(encodeBase64url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
  });
});

describe('decodeBase64url', () => {
  it('reads back every byte string encodeBase64url writes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const r = decodeBase64url(encodeBase64url(bytes));
        return r.ok && r.value.length === bytes.length && r.value.every((b, i) => b === bytes[i]);
      }),
    );
  });

  it('refuses a character outside the alphabet, naming it and where it is', () => {
    expect(refusal('ab=c')).toBe('character "=" at 2 is not base64url (A-Z a-z 0-9 - _)');
    expect(decodeBase64url('ab/c').ok).toBe(false);
    expect(decodeBase64url('ab c').ok).toBe(false);
  });

  it('refuses a length no byte string has', () => {
    expect(refusal('abcde')).toBe('5 characters cannot be base64url');
  });

  it('refuses stray bits in the last character, so each byte string has one spelling', () => {
    expect(decodeBase64url('-_8').ok).toBe(true);
    expect(refusal('-_9')).toBe('the last character has stray bits');
    expect(refusal('AB')).toBe('the last character has stray bits');
  });
});
