import { describe, expect, it } from 'vitest';
import { exitFullScreen, requestFullScreen } from './fullscreen';

const fakeDoc = (opts: { refuse?: boolean; api?: boolean; enabled?: boolean } = {}) => {
  const doc = {
    fullscreenElement: null as Element | null,
    fullscreenEnabled: opts.enabled ?? true,
    calls: [] as string[],
    documentElement: {} as { requestFullscreen?: () => Promise<void> },
    exitFullscreen: async () => { doc.calls.push('exit'); doc.fullscreenElement = null; },
  };
  if (opts.api !== false) {
    doc.documentElement.requestFullscreen = async () => {
      doc.calls.push('request');
      if (opts.refuse) throw new TypeError('Permissions check failed');
      doc.fullscreenElement = {} as Element;
    };
  }
  return doc;
};

describe('full screen for presenter mode', () => {
  it('is asked for and left', async () => {
    const doc = fakeDoc();
    expect(await requestFullScreen(doc)).toBe(true);
    expect(doc.fullscreenElement).not.toBeNull();
    await exitFullScreen(doc);
    expect(doc.fullscreenElement).toBeNull();
    expect(doc.calls).toEqual(['request', 'exit']);
  });

  it('says no, without throwing, when the browser refuses or has no API', async () => {
    expect(await requestFullScreen(fakeDoc({ refuse: true }))).toBe(false);
    expect(await requestFullScreen(fakeDoc({ api: false }))).toBe(false);
    const disabled = fakeDoc({ enabled: false });
    expect(await requestFullScreen(disabled)).toBe(false);
    expect(disabled.calls).toEqual([]);
  });

  it('does not leave a full screen it is not in', async () => {
    const doc = fakeDoc();
    await exitFullScreen(doc);
    expect(doc.calls).toEqual([]);
  });
});
