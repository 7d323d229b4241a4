/**
 * Full screen for the projector, when the browser allows it: it must be asked for from a key
 * press or a click, and may be refused (a policy, an iframe, a browser without the API). A
 * refusal leaves presenter mode in the window as it is, never an error on the page.
 */
type Doc = Pick<Document, 'fullscreenElement'> & {
  fullscreenEnabled?: boolean;
  documentElement: { requestFullscreen?: () => Promise<void> };
  exitFullscreen?: () => Promise<void>;
};

/** Ask for full screen; resolves to whether the page is in full screen after asking. */
export async function requestFullScreen(doc: Doc = document): Promise<boolean> {
  if (doc.fullscreenElement) return true;
  if (doc.fullscreenEnabled === false || typeof doc.documentElement.requestFullscreen !== 'function') return false;
  try {
    await doc.documentElement.requestFullscreen();
    return true;
  } catch {
    return false;
  }
}

/** Leave full screen if the page is in it; a refusal is ignored. */
export async function exitFullScreen(doc: Doc = document): Promise<void> {
  if (!doc.fullscreenElement || typeof doc.exitFullscreen !== 'function') return;
  try {
    await doc.exitFullscreen();
  } catch {
    // Already left (the browser's own Esc), or refused: nothing to undo.
  }
}
