import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The workspace root: the nearest folder upward holding pnpm-workspace.yaml. */
export function workspaceRoot(from = process.cwd()): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(`No pnpm-workspace.yaml found above ${from}: run this inside the course`);
    dir = parent;
  }
}

/** Files under `<root>/<group>/<pkg>/<sub>/` whose names end with `suffix`, sorted. */
export function findInPackages(
  root: string,
  groups: readonly string[],
  sub: string,
  suffix: string,
): string[] {
  const found: string[] = [];
  for (const group of groups) {
    const groupDir = join(root, group);
    if (!existsSync(groupDir)) continue;
    for (const pkg of readdirSync(groupDir).sort()) {
      const dir = join(groupDir, pkg, sub);
      if (!existsSync(dir)) continue;
      for (const f of readdirSync(dir).sort()) if (f.endsWith(suffix)) found.push(join(dir, f));
    }
  }
  return found;
}
