/**
 * Lines of a <pre>, in chunks the browser lays out and paints only when they scroll into view
 * (CSS `content-visibility: auto`; each chunk's height while skipped is its line count, so
 * the scrollbar is right). A chunk whose text did not change is not rendered again. On a
 * director with thousands of connections this is what keeps a step within a frame; the text
 * (and its textContent) is the lines joined by newlines, as before.
 */
import { memo } from 'react';

/** Lines per chunk: a few screens' worth, so a visible chunk is cheap and there are few chunks. */
export const CHUNK_LINES = 64;

const Chunk = memo(function Chunk({ text, lines }: { text: string; lines: number }) {
  // `auto` keeps the last drawn size; until then, its lines at the pre's line height (1.4).
  return <span className="line-chunk" style={{ containIntrinsicBlockSize: `auto ${(lines * 1.4).toFixed(1)}em` }}>{text}</span>;
});

export function chunkLines(lines: readonly string[], size = CHUNK_LINES): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i += size) {
    const last = i + size >= lines.length;
    out.push(lines.slice(i, i + size).join('\n') + (last ? '' : '\n'));
  }
  return out;
}

export function LineChunks({ lines }: { lines: readonly string[] }) {
  const chunks = chunkLines(lines);
  if (chunks.length === 1) return <>{chunks[0]}</>;
  return <>{chunks.map((text, i) => <Chunk key={i} text={text} lines={Math.min(CHUNK_LINES, lines.length - i * CHUNK_LINES)} />)}</>;
}
