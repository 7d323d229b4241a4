// @vitest-environment jsdom
/** LineChunks splits a pre's lines into chunks without changing its text. */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { CHUNK_LINES, chunkLines, LineChunks } from './LineChunks';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const lines = (n: number) => Array.from({ length: n }, (_, i) => `TCP 01:59 ESTABLISHED 10.0.0.${i % 250}:${1000 + i}`);

describe('chunkLines', () => {
  it('gives back the lines joined by newlines when its chunks are concatenated', () => {
    for (const n of [1, CHUNK_LINES - 1, CHUNK_LINES, CHUNK_LINES + 1, 3 * CHUNK_LINES + 7]) {
      expect(chunkLines(lines(n)).join('')).toBe(lines(n).join('\n'));
    }
  });

  it('makes one chunk per CHUNK_LINES lines', () => {
    expect(chunkLines(lines(CHUNK_LINES))).toHaveLength(1);
    expect(chunkLines(lines(2 * CHUNK_LINES + 1))).toHaveLength(3);
  });
});

describe('LineChunks', () => {
  it('renders the same text as the joined lines, in chunks sized by their line count', () => {
    const pre = document.createElement('pre');
    document.body.append(pre);
    const root = createRoot(pre);
    act(() => root.render(<LineChunks lines={lines(CHUNK_LINES + 3)} />));
    expect(pre.textContent).toBe(lines(CHUNK_LINES + 3).join('\n'));
    const chunks = [...pre.querySelectorAll<HTMLElement>('.line-chunk')];
    expect(chunks.map((c) => c.style.containIntrinsicBlockSize)).toEqual([`auto ${(CHUNK_LINES * 1.4).toFixed(1)}em`, 'auto 4.2em']);
    act(() => root.unmount());
  });
});
