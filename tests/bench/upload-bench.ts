import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { LocalMediaStorage } from '../../src/media/local-storage';
import { storeUploads } from '../../src/media/upload-processor';

export interface UploadBenchResult {
  /** Wall time from the uploaded bytes to every variant written (inspection included). */
  ms: number;
  /** Peak RSS during processing minus RSS just before it. */
  rssGrowthMb: number;
  inputMb: number;
  megapixels: number;
  variants: number;
  runs: number;
  /** The slowest of the timed runs, so one lucky run cannot hide a slow path. */
  worstMs: number;
  /** Median process CPU time (user + system, all libvips threads): steadier than wall time on a busy machine. */
  cpuMs: number;
}

/** A 4000×3000 photo-like JPEG: smooth gradients plus sensor-like noise, camera quality. */
async function twelveMegapixelJpeg(): Promise<Buffer> {
  const width = 4000;
  const height = 3000;
  const noise = await sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 30 } } })
    .raw()
    .toBuffer();
  const gradient = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#2a4d8f"/><stop offset="1" stop-color="#e0a040"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/></svg>`,
  );
  return sharp(noise, { raw: { width, height, channels: 3 } })
    .blur(0.4)
    .composite([{ input: gradient, blend: 'overlay' }])
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** 12 MP JPEG → all responsive variants, through the same code path as an admin upload. */
export async function runUploadBench(opts: { runs?: number } = {}): Promise<UploadBenchResult> {
  const runs = opts.runs ?? 3;
  const input = await twelveMegapixelJpeg();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qipei-upload-bench-'));
  const storage = new LocalMediaStorage(dir);
  try {
    // One untimed warm-up loads libvips' codecs and thread pool.
    await storeUploads(storage, [{ buffer: input, originalname: 'warmup.jpg' }], 'bench');
    const times: number[] = [];
    const cpu: number[] = [];
    let peakGrowth = 0;
    let variants = 0;
    for (let i = 0; i < runs; i++) {
      global.gc?.();
      const before = process.memoryUsage.rss();
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
      const cpuStart = process.cpuUsage();
      const start = process.hrtime.bigint();
      const [stored] = await storeUploads(storage, [{ buffer: input, originalname: `run-${i}.jpg` }], 'bench');
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      const used = process.cpuUsage(cpuStart);
      cpu.push((used.user + used.system) / 1000);
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage.rss());
      peakGrowth = Math.max(peakGrowth, peak - before);
      variants = stored.image.variants.length;
    }
    const sorted = [...times].sort((a, b) => a - b);
    return {
      ms: Math.round(sorted[Math.floor(sorted.length / 2)]),
      worstMs: Math.round(sorted[sorted.length - 1]),
      cpuMs: Math.round([...cpu].sort((a, b) => a - b)[Math.floor(cpu.length / 2)]),
      rssGrowthMb: Math.round(peakGrowth / 1024 / 1024),
      inputMb: Math.round((input.length / 1024 / 1024) * 10) / 10,
      megapixels: 12,
      variants,
      runs,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runUploadBench().then((r) => process.stdout.write(`${JSON.stringify(r)}\n`));
}
