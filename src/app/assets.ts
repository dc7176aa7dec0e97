import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { RequestHandler } from 'express';
import { projectRoot } from './paths';


function walk(dir: string, base = ''): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name), `${base}${e.name}/`) : [`${base}${e.name}`],
  );
}

/**
 * Fingerprints everything under public/ once at start-up: `/static/css/site.3fa2b1c9.css`.
 * A changed file gets a new URL, so every asset can be cached forever.
 */
export function createAssets(root = resolvePublicDir()) {
  const toFingerprinted = new Map<string, string>();
  const toFile = new Map<string, string>();
  for (const rel of walk(root)) {
    const file = path.join(root, rel);
    const hash = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 10);
    const ext = path.extname(rel);
    const url = `/static/${rel.slice(0, rel.length - ext.length)}.${hash}${ext}`;
    toFingerprinted.set(rel, url);
    toFile.set(url, file);
  }

  const url = (rel: string): string => {
    const hit = toFingerprinted.get(rel.replace(/^\//, ''));
    if (!hit) throw new Error(`unknown asset: ${rel}`);
    return hit;
  };

  const middleware: RequestHandler = (req, res, next) => {
    const file = toFile.get(req.path);
    if (!file) return next();
    res.sendFile(file, { maxAge: '365d', immutable: true, dotfiles: 'deny' });
  };

  return { url, middleware };
}

function resolvePublicDir(): string {
  return path.join(projectRoot(), 'public');
}

export type Assets = ReturnType<typeof createAssets>;
