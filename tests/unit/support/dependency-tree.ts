// A folder's production dependencies as Node resolves them from there (node_modules folders
// looked up from each package towards the root): the packages reached, and each dependency edge
// with the version it lands on. Run on the project and on a packaged app, the two must agree.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

export interface DependencyTree {
  /** "name@version" of every package reached. */
  packages: Set<string>;
  /** "from@version -> name@version" for every dependency followed. */
  edges: Set<string>;
  /** Package folders reached, relative to the root. */
  folders: Set<string>;
  /** Required dependencies that resolve to nothing. */
  missing: string[];
}

const manifest = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;

function resolvePackage(name: string, from: string, root: string): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    if (basename(dir) !== 'node_modules') {
      const candidate = join(dir, 'node_modules', name);
      if (existsSync(join(candidate, 'package.json'))) return candidate;
    }
    if (dir === root || dirname(dir) === dir) return null;
  }
}

export function productionDependencies(root: string): DependencyTree {
  const tree: DependencyTree = { packages: new Set(), edges: new Set(), folders: new Set(), missing: [] };
  const visit = (dir: string): void => {
    const folder = relative(root, dir).split(sep).join('/');
    if (tree.folders.has(folder)) return;
    const pkg = manifest(dir);
    const self = dir === root ? '(app)' : `${pkg.name}@${pkg.version}`;
    if (dir !== root) {
      tree.folders.add(folder);
      tree.packages.add(self);
    }
    const required = { ...pkg.dependencies, ...Object.fromEntries(Object.entries(pkg.peerDependencies ?? {}).filter(([name]) => !pkg.peerDependenciesMeta?.[name]?.optional)) };
    const wanted = [...Object.keys(required), ...Object.keys(pkg.optionalDependencies ?? {})];
    for (const name of wanted) {
      const found = resolvePackage(name, dir, root);
      if (found === null) {
        if (name in required) tree.missing.push(`${self} -> ${name}`);
        continue;
      }
      const target = manifest(found);
      tree.edges.add(`${self} -> ${target.name}@${target.version}`);
      visit(found);
    }
  };
  visit(root);
  return tree;
}

/** Every package folder under root's node_modules, nested ones included, relative to root. */
export function installedPackages(root: string): Set<string> {
  const found = new Set<string>();
  const scan = (modules: string): void => {
    if (!existsSync(modules)) return;
    for (const name of readdirSync(modules)) {
      const dirs = name.startsWith('@') ? readdirSync(join(modules, name)).map((inner) => join(modules, name, inner)) : [join(modules, name)];
      for (const dir of dirs) {
        if (!existsSync(join(dir, 'package.json'))) continue;
        found.add(relative(root, dir).split(sep).join('/'));
        scan(join(dir, 'node_modules'));
      }
    }
  };
  scan(join(root, 'node_modules'));
  return found;
}
