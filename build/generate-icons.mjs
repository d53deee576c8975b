// Draws Deskpad's icon (a notepad on a blue tile) and writes the PNGs electron-builder packs.
// Uses node:zlib only; never downloads anything. Run: node build/generate-icons.mjs

import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** @param {Uint8Array} bytes */
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

/** @param {string} type @param {Buffer} data */
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
};

/** @param {number} size @param {Uint8Array} rgba */
const encodePng = (size, rgba) => {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y += 1) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    rows.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

/** Signed distance to a rounded rectangle; all units are fractions of the icon's size. */
const roundedRect = (
  /** @type {number} */ x,
  /** @type {number} */ y,
  /** @type {number} */ cx,
  /** @type {number} */ cy,
  /** @type {number} */ halfWidth,
  /** @type {number} */ halfHeight,
  /** @type {number} */ radius,
) => {
  const qx = Math.abs(x - cx) - halfWidth + radius;
  const qy = Math.abs(y - cy) - halfHeight + radius;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
};

/** @typedef {[number, number, number]} Rgb */

/** The colour at a point, or null outside the tile. @returns {Rgb | null} */
const paint = (/** @type {number} */ x, /** @type {number} */ y) => {
  if (roundedRect(x, y, 0.5, 0.5, 0.46, 0.46, 0.1) > 0) return null;
  const sheet = roundedRect(x, y, 0.5, 0.54, 0.26, 0.31, 0.035);
  if (sheet <= 0) {
    if (y < 0.31) return [245, 158, 11]; // the notepad's binding
    const lines = [0.42, 0.52, 0.62, 0.72];
    const onLine = lines.some((ly) => Math.abs(y - ly) < 0.012) && x > 0.31 && x < 0.69;
    return onLine ? [148, 163, 184] : [255, 255, 255];
  }
  const t = (x + y) / 2;
  return [Math.round(30 + t * 7), Math.round(64 + t * 35), Math.round(175 + t * 60)];
};

/** @param {number} size */
const drawIcon = (size) => {
  const samples = 4;
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const colour = paint(
            (px + (sx + 0.5) / samples) / size,
            (py + (sy + 0.5) / samples) / size,
          );
          if (colour === null) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered += 1;
        }
      }
      const i = (py * size + px) * 4;
      if (covered > 0) {
        rgba[i] = Math.round(r / covered);
        rgba[i + 1] = Math.round(g / covered);
        rgba[i + 2] = Math.round(b / covered);
      }
      rgba[i + 3] = Math.round((covered / (samples * samples)) * 255);
    }
  }
  return encodePng(size, rgba);
};

mkdirSync(path.join(here, 'icons'), { recursive: true });
const large = drawIcon(512);
writeFileSync(path.join(here, 'icon.png'), large);
writeFileSync(path.join(here, 'icons', '512x512.png'), large);
writeFileSync(path.join(here, 'icons', '256x256.png'), drawIcon(256));
console.log('Wrote build/icon.png and build/icons/{512x512,256x256}.png');
