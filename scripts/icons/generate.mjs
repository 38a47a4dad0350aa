// Draws Margin's app icons from the SVGs in build/ into every file the installers use, so
// electron-builder packages finished icons instead of fetching its icon converter at build time:
// build/icons/<n>x<n>.png (Linux), build/icon.png (1024 px), build/icon.ico (Windows),
// build/icon.icns (macOS). Run with `npm run icons` after changing an SVG; commit the output.
// Chromium (the system one, through Playwright) rasterizes: it is already here for the e2e tests.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const build = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'build');
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
// Below 48 px the full drawing's text lines fall between pixels, so small sizes have their own
// pixel-grid drawings.
const SOURCE = { 16: 'icon-small.svg', 24: 'icon-24.svg', 32: 'icon-small.svg' };
// hicolor, the theme Linux desktops look icons up in, stops at 512; 1024 is build/icon.png.
const LINUX_SIZES = SIZES.filter((size) => size <= 512);
// Windows asks for these sizes (Explorer views, taskbar, Start, installer).
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
// PNG-carrying ICNS types and the pixel size each holds (the @2x types reuse the larger PNGs).
const ICNS_TYPES = [
  ['icp4', 16], ['icp5', 32], ['icp6', 64], ['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024],
  ['ic11', 32], ['ic12', 64], ['ic13', 256], ['ic14', 512],
];

const browser = await chromium.launch({
  executablePath: process.env.MARGIN_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const png = new Map();
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const size of SIZES) {
    const svg = await readFile(join(build, SOURCE[size] ?? 'icon.svg'));
    png.set(size, await render(page, svg, size));
  }
} finally {
  await browser.close();
}

await mkdir(join(build, 'icons'), { recursive: true });
for (const size of LINUX_SIZES) await writeFile(join(build, 'icons', `${size}x${size}.png`), pngOf(size));
await writeFile(join(build, 'icon.png'), pngOf(1024));
await writeFile(join(build, 'icon.ico'), ico(ICO_SIZES.map((size) => [size, pngOf(size)])));
await writeFile(join(build, 'icon.icns'), icns(ICNS_TYPES.map(([type, size]) => [type, pngOf(size)])));
console.log(`icons written to ${build}`);

async function render(page, svg, size) {
  await page.setViewportSize({ width: size, height: size });
  const src = `data:image/svg+xml;base64,${svg.toString('base64')}`;
  await page.setContent(`<body style="margin:0"><img src="${src}" width="${size}" height="${size}" style="display:block"></body>`);
  await page.evaluate(() => document.images[0].decode());
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}

function pngOf(size) {
  const data = png.get(size);
  if (!data) throw new Error(`no ${size} px rendering`);
  return data;
}

// ICO: a directory of PNG images (Windows Vista and later read PNG entries). 256 is written as 0.
function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(([size, data]) => {
    const entry = Buffer.alloc(16);
    entry[0] = entry[1] = size >= 256 ? 0 : size;
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map(([, data]) => data)]);
}

// ICNS: "icns", the file length, then (type, length, PNG) chunks; lengths count their 8-byte headers.
function icns(chunks) {
  const parts = chunks.map(([type, data]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + parts.reduce((sum, part) => sum + part.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}
