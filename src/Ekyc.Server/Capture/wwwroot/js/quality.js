// Feedback before upload, measured on the captured pixels with the server's own measures where it has them
// (variance of the Laplacian on at most 1024 px, share of near-white pixels), so a photo the server would send
// back is caught before it leaves the phone.

const MAX_SIDE = 1024;
export const LIMITS = { minMeanLuma: 55, minSharpness: 60, maxGlareShare: 0.15, minLumaStdDev: 8, minDocumentShare: 0.55 };

function greyPixels(canvas) {
  const scale = Math.min(1, MAX_SIDE / Math.max(canvas.width, canvas.height));
  const width = Math.max(3, Math.round(canvas.width * scale));
  const height = Math.max(3, Math.round(canvas.height * scale));
  const small = document.createElement('canvas');
  small.width = width;
  small.height = height;
  const context = small.getContext('2d', { willReadFrequently: true });
  context.drawImage(canvas, 0, 0, width, height);
  const rgba = context.getImageData(0, 0, width, height).data;
  const luma = new Float32Array(width * height);
  for (let i = 0; i < luma.length; i++) luma[i] = 0.299 * rgba[4 * i] + 0.587 * rgba[4 * i + 1] + 0.114 * rgba[4 * i + 2];
  return { luma, width, height };
}

/**
 * Problems of a captured frame: 'too_dark', 'no_document', 'blurred', 'glare', 'too_small' (documents only).
 * Too small: the columns holding the page's edges span less than about half the guide frame.
 */
export function assess(canvas, { document: isDocument = true } = {}) {
  const { luma, width, height } = greyPixels(canvas);
  let sum = 0, sumSq = 0, glare = 0;
  for (const v of luma) { sum += v; sumSq += v * v; if (v >= 250) glare++; }
  const n = luma.length;
  const mean = sum / n;
  const std = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
  const measures = { mean: Math.round(mean), std: Math.round(std), glare: glare / n };
  const problems = [];
  if (mean < LIMITS.minMeanLuma) problems.push('too_dark');
  if (!isDocument) return { problems, measures };
  if (std < LIMITS.minLumaStdDev) { problems.push('no_document'); return { problems, measures }; }

  let lapSum = 0, lapSq = 0;
  const columns = new Float64Array(width);
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const lap = luma[i - 1] + luma[i + 1] + luma[i - width] + luma[i + width] - 4 * luma[i];
      lapSum += lap;
      lapSq += lap * lap;
      if (Math.abs(lap) > 40) columns[x]++;
    }
  }
  const inner = (width - 2) * (height - 2);
  const lapMean = lapSum / inner;
  measures.sharpness = Math.round(lapSq / inner - lapMean * lapMean);
  measures.extent = edgeExtent(columns);
  if (measures.sharpness < LIMITS.minSharpness) problems.push('blurred');
  if (measures.glare > LIMITS.maxGlareShare) problems.push('glare');
  if (measures.extent < LIMITS.minDocumentShare) problems.push('too_small');
  return { problems, measures };
}

/** Share of the width between the columns where 5 % and 95 % of the strong edges lie. */
function edgeExtent(columns) {
  const total = columns.reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  let seen = 0, first = -1, last = -1;
  for (let x = 0; x < columns.length; x++) {
    seen += columns[x];
    if (first < 0 && seen >= 0.05 * total) first = x;
    if (last < 0 && seen >= 0.95 * total) last = x;
  }
  return (last - first) / columns.length;
}
