/**
 * Kathará labs in the browser: open a lab (a folder, several files, or a .zip) and download the
 * working scenario as a lab .zip. The shell that runs the startup files loads on demand, so the
 * first page load does not pay for it.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Scenario } from '../../engine';
import { downloadBlob } from '../export/download';
import { MAX_IMPORT_BYTES } from './file-io';

export type LabRead = { ok: true; files: Map<string, string>; name: string | undefined } | { ok: false; message: string };

/** The files a picker gave (a folder's keep their relative paths); a single .zip is unpacked. */
export async function readLabFiles(list: readonly File[]): Promise<LabRead> {
  const total = list.reduce((n, f) => n + f.size, 0);
  if (total > MAX_IMPORT_BYTES * 5) return { ok: false, message: `files too large (${total} bytes; a lab is at most ${MAX_IMPORT_BYTES * 5})` };
  const files = new Map<string, string>();
  const first = list[0];
  if (list.length === 1 && first && /\.zip$/i.test(first.name)) {
    try {
      const entries = unzipSync(new Uint8Array(await first.arrayBuffer()), { filter: (f) => f.originalSize <= MAX_IMPORT_BYTES });
      for (const [path, bytes] of Object.entries(entries)) if (!path.endsWith('/')) files.set(path, strFromU8(bytes));
    } catch (e) {
      return { ok: false, message: `not a readable .zip (${e instanceof Error ? e.message : String(e)})` };
    }
    return { ok: true, files, name: first.name.replace(/\.zip$/i, '').replace(/-kathara$/, '') };
  }
  for (const f of list) files.set(f.webkitRelativePath || f.name, await f.text());
  const folder = first?.webkitRelativePath.split('/')[0];
  return { ok: true, files, name: folder || undefined };
}

/** Runs the lab's startup files through the simulated shell: the scenario, or a message naming file:line. */
export async function importLabFiles(files: Map<string, string>, name: string | undefined): Promise<{ ok: true; scenario: Scenario } | { ok: false; message: string }> {
  const { importLab } = await import('../../shell');
  const r = importLab(files, name);
  return r.ok ? { ok: true, scenario: r.lab.scenario } : { ok: false, message: r.error };
}

/** The lab's files zipped in a folder named after the scenario. */
export async function labZip(s: Scenario): Promise<{ ok: true; bytes: Uint8Array; fileName: string } | { ok: false; message: string }> {
  const { exportLab } = await import('../../shell');
  const r = exportLab(s);
  if (!r.ok) return { ok: false, message: r.error };
  const tree: Record<string, Uint8Array> = {};
  for (const [path, text] of r.files) tree[`${s.id}/${path}`] = strToU8(text);
  return { ok: true, bytes: zipSync(tree), fileName: `${s.id}-kathara.zip` };
}

export function downloadBytes(bytes: Uint8Array, fileName: string, type: string): void {
  downloadBlob(new Blob([bytes as BlobPart], { type }), fileName);
}
