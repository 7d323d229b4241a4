/**
 * An SVG document drawn into a PNG of exactly width×height pixels (the browser's own renderer,
 * through an image and a canvas). Reusable for any standalone SVG (standalone-svg.ts).
 */
export async function svgToPng(svgText: string, width: number, height: number): Promise<Blob> {
  const img = new Image(width, height);
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('svgToPng: no 2D canvas');
  ctx.drawImage(img, 0, 0, width, height);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('svgToPng: the canvas gave no PNG'))), 'image/png'));
}
