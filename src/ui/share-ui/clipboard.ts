/** Clipboard with a graceful failure: the caller shows the text in a field to copy by hand. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Permission denied or an insecure context (http on a classroom LAN): fall back to the field.
    return false;
  }
}
