import { describe, expect, it } from 'vitest';
import { getPreset, simulate } from '../../engine';
import { translateNote } from '../i18n/i18n';
import { traceCsv, traceMarkdown } from './trace-text';

const { trace } = simulate(getPreset('nat-lab')!);
const frames = trace.events.filter((e) => e.kind === 'frame');

describe('traceCsv', () => {
  it('ends every frame\'s row with its note in English, as the app shows it in English', () => {
    const lines = traceCsv(trace).trimEnd().split('\n').slice(1);
    expect(lines).toHaveLength(frames.length);
    const syn = frames.find((e) => e.kind === 'frame' && e.ip?.tcp?.flags.join() === 'SYN');
    const text = translateNote('en', syn!.note);
    expect(text).toMatch(/^TCP SYN from /);
    expect(lines.some((l) => l.startsWith(`${syn!.seq},`) && l.endsWith(`,${text}`))).toBe(true);
  });

  it('never leaves a note key untranslated', () => {
    expect(traceCsv(trace)).not.toContain('[[');
  });
});

describe('traceMarkdown', () => {
  it('holds the same rows as the CSV', () => {
    expect(traceMarkdown(trace).trimEnd().split('\n')).toHaveLength(frames.length + 2);
  });
});
