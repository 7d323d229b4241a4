import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ip } from '../addr/ipv4';
import { IPPROTO_TCP } from './repr';
import { checksumError, foldChecksum, internetChecksum, pseudoHeaderSum, rangeError, readText, sumWords, writeText } from './checksum';

/** RFC 1071 §3's worked example: these words sum to 0xddf2 once folded. */
const RFC1071_BYTES = '0001f203f4f5f6f7';
/** A TCP SYN 10.11.12.13:40000 > 11.12.13.14:80 with MSS 1460 (checked with tshark 4.0: checksum 0xd272 correct). */
const SYN_SEGMENT = '9c400050 00000001 00000000 6002faf0 d2720000 020405b4';

const hex = (h: string): DataView => {
  const bytes = Uint8Array.from((h.replace(/\s/g, '').match(/../g) ?? []).map((b) => parseInt(b, 16)));
  return new DataView(bytes.buffer);
};

describe('internetChecksum', () => {
  it('matches the worked example of RFC 1071', () => {
    const v = hex(RFC1071_BYTES);
    expect(foldChecksum(sumWords(v, 0, 8))).toBe(~0xddf2 & 0xffff);
    expect(internetChecksum(v, 0, 8)).toBe(0x220d);
  });

  it('pads an odd last byte with zero', () => {
    expect(internetChecksum(hex('0102 03'), 0, 3)).toBe(internetChecksum(hex('0102 0300'), 0, 4));
  });

  it('gives zero over bytes that already carry their checksum', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 2, maxLength: 64 }), (bytes) => {
        const view = new DataView(bytes.buffer);
        view.setUint16(0, 0);
        view.setUint16(0, internetChecksum(view, 0, bytes.length));
        expect(internetChecksum(view, 0, bytes.length)).toBe(0);
      }),
    );
  });
});

describe('pseudoHeaderSum', () => {
  it('computes the TCP checksum over the pseudo-header', () => {
    const seg = hex(SYN_SEGMENT);
    const ph = pseudoHeaderSum({ src: ip('10.11.12.13'), dst: ip('11.12.13.14') }, IPPROTO_TCP, 24);
    expect(internetChecksum(seg, 0, 24, ph)).toBe(0);
    expect(checksumError(seg, 0, 24, 16, ph, 'TCP')).toBeUndefined();
  });
});

describe('checksumError', () => {
  it('names the wrong value and the value it should have been', () => {
    const seg = hex(SYN_SEGMENT);
    seg.setUint16(16, 0x1234);
    const ph = pseudoHeaderSum({ src: ip('10.11.12.13'), dst: ip('11.12.13.14') }, IPPROTO_TCP, 24);
    expect(checksumError(seg, 0, 24, 16, ph, 'TCP')).toBe('bad TCP checksum 0x1234 (expected 0xd272)');
  });
});

describe('rangeError', () => {
  it('refuses ranges outside the buffer instead of letting DataView throw', () => {
    const v = hex('00000000');
    expect(rangeError(v, 0, 4, 'x')).toBeUndefined();
    expect(rangeError(v, 2, 4, 'x')).toBe('x: bytes 2..6 lie outside the 4-byte buffer');
    expect(rangeError(v, -1, 1, 'x')).toBeDefined();
    expect(rangeError(v, 0.5, 1, 'x')).toBeDefined();
  });
});

describe('writeText and readText', () => {
  it('round-trip Latin-1 text one byte per character', () => {
    const latin1 = fc.string({ unit: fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c)), maxLength: 64 });
    fc.assert(
      fc.property(latin1, (text) => {
        const v = new DataView(new ArrayBuffer(text.length));
        writeText(v, 0, text);
        expect(readText(v, 0, text.length)).toBe(text);
      }),
    );
  });

  it('writes characters wider than a byte as a question mark', () => {
    const v = new DataView(new ArrayBuffer(2));
    writeText(v, 0, 'é€');
    expect(readText(v, 0, 2)).toBe('é?');
  });
});
