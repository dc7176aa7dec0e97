import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PLACEHOLDER_KINDS, placeholderKind, placeholderSvg } from '../../../src/media';
import { SEED_CATEGORIES } from '../../../seeds/data/catalog-data';
import { SEED_ARTICLES } from '../../../seeds/data/news-data';

const root = path.resolve(__dirname, '../../..');
const labels = [...SEED_CATEGORIES.map((c) => c.name), ...SEED_ARTICLES.map((a) => a.imageLabel)];

/** Renders SVGs with sharp in a child process (its own font setup) and returns the SHA-256 of each one's raw pixels. */
function renderHashes(svgs: string[], env: Record<string, string>): string[] {
  const script = `
    const sharp = require('sharp');
    const crypto = require('node:crypto');
    const svgs = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
    Promise.all(svgs.map((svg) => sharp(Buffer.from(svg)).raw().toBuffer()))
      .then((all) => process.stdout.write(JSON.stringify(all.map((px) => crypto.createHash('sha256').update(px).digest('hex')))));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: root, env: { ...process.env, ...env }, input: JSON.stringify(svgs), encoding: 'utf8' }));
}

describe('placeholder art', () => {
  it('when any seed label is drawn, then the SVG has no text and names no font', () => {
    for (const [i, label] of labels.entries()) {
      const svg = placeholderSvg(label, i);
      expect(svg).not.toMatch(/<text|<tspan|font-family|font-size|@font-face/);
      expect(svg).not.toContain(label);
    }
  });

  it('when the leaf categories are drawn, then each gets a drawing of its own, not a generic one', () => {
    const leaves = SEED_CATEGORIES.filter((c) => c.parent !== null);
    const kinds = leaves.map((c) => placeholderKind(c.name));
    expect(kinds).not.toContain('car');
    expect(new Set(kinds).size).toBe(leaves.length);
    expect(PLACEHOLDER_KINDS.length).toBeGreaterThanOrEqual(leaves.length);
    expect(placeholderKind('尾灯')).toBe('tailLight');
    expect(placeholderKind('中网')).toBe('grille');
    expect(placeholderKind('充电器')).toBe('charger');
    expect(placeholderKind('行车记录仪')).toBe('dashCam');
  });

  it('when the server has no fonts at all, then every placeholder renders to the same pixels as with fonts', () => {
    // An empty fontconfig: no font directories, so any text would fall back to nothing (or tofu).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qipei-nofonts-'));
    try {
      const conf = path.join(dir, 'fonts.conf');
      fs.writeFileSync(conf, '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><cachedir>' + dir + '</cachedir></fontconfig>\n');
      const noFonts = { FONTCONFIG_FILE: conf, FONTCONFIG_PATH: dir, XDG_DATA_HOME: dir };
      const svgs = labels.map((label, i) => placeholderSvg(label, i, 160, 160));
      const withFonts = renderHashes(svgs, {});
      expect(renderHashes(svgs, noFonts)).toEqual(withFonts);
      // The drawings differ from each other (a blank image would also be font-independent).
      expect(new Set(withFonts).size).toBeGreaterThanOrEqual(new Set(labels.map(placeholderKind)).size);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
