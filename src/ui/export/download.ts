/** Hands a file to the browser's downloads (an object URL on a clicked, then removed, link). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: the download has to start reading it first.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
