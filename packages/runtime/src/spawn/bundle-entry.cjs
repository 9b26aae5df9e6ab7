#!/usr/bin/env node
// Bundles one TypeScript entry for compile-entry.ts: `node bundle-entry.cjs <entry> <outFile> <metaFile>`.
// A separate process because esbuild allows plugins only in its async API, while starting a worker
// is synchronous; this runs only when the cached bundle is missing or stale.
'use strict';
const { readFileSync, renameSync, writeFileSync, statSync } = require('node:fs');
const { dirname, resolve } = require('node:path');
const esbuild = require('esbuild');

const [entry, outFile, metaFile] = process.argv.slice(2);

// Workspace packages (`@course/*`) are TypeScript sources: bundle them. Third-party packages stay
// external, but pinned to the absolute file they resolve to from the module that imports them: the
// bundle sits in another folder (<entry package>/node_modules/.cache), from where `require('kleur')`
// would look in the entry package's dependencies, not in those of the package that uses kleur.
const { builtinModules } = require('node:module');
const builtins = new Set(builtinModules);
const externalThirdParty = {
  name: 'external-third-party',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@course/')) return undefined;
      if (args.path.startsWith('node:') || builtins.has(args.path.split('/')[0])) {
        return { path: args.path, external: true };
      }
      try {
        return { path: require.resolve(args.path, { paths: [args.resolveDir] }), external: true };
      } catch {
        // Not installed where it is imported: keep the bare name so Node's own error names it.
        return { path: args.path, external: true };
      }
    });
  },
};

// COURSE_SRC_REDIRECT="<fromDir>=<toDir>": a file under fromDir is loaded from toDir instead (the
// grader's --solutions mode: the exercise's tests, the reference solution's code).
const [redirectFrom, redirectTo] = (process.env.COURSE_SRC_REDIRECT || '').split('=');
const redirectSources = {
  name: 'redirect-sources',
  setup(build) {
    if (!redirectFrom || !redirectTo) return;
    build.onResolve({ filter: /^\./ }, async (args) => {
      if (args.pluginData === 'redirected') return undefined;
      const result = await build.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: 'redirected',
      });
      if (result.errors.length || !result.path.startsWith(redirectFrom + require('node:path').sep))
        return undefined;
      return { path: redirectTo + result.path.slice(redirectFrom.length) };
    });
  },
};

// Give every TypeScript module its real __dirname/__filename, on line 1 so line numbers stay true.
const sourcePaths = {
  name: 'source-paths',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const prelude = `const __dirname = ${JSON.stringify(dirname(args.path))}; const __filename = ${JSON.stringify(args.path)}; `;
      return { contents: prelude + source, loader: 'ts' };
    });
  },
};

function stamp(path) {
  try {
    const s = statSync(path);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return 'missing';
  }
}

esbuild
  .build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: `node${process.versions.node.split('.')[0]}`,
    sourcemap: 'inline',
    metafile: true,
    write: false,
    // Source-map paths are written relative to this file: the bundle's real location, so a stack
    // names the original .ts path.
    outfile: outFile,
    logLevel: 'silent',
    plugins: [redirectSources, externalThirdParty, sourcePaths],
  })
  .then((result) => {
    const code = result.outputFiles[0].text;
    const inputs = Object.keys(result.metafile.inputs).map((p) => resolve(process.cwd(), p));
    // Write then rename: several test processes may build the same entry at once, and a reader must
    // never see half a file.
    const tmp = `${outFile}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    writeFileSync(tmp, code);
    renameSync(tmp, outFile);
    writeFileSync(`${tmp}.json`, JSON.stringify(inputs.map((p) => [p, stamp(p)])));
    renameSync(`${tmp}.json`, metaFile);
  })
  .catch((err) => {
    const messages = (err.errors || []).map((e) =>
      e.location ? `${e.location.file}:${e.location.line}:${e.location.column}: ${e.text}` : e.text,
    );
    process.stderr.write(messages.length ? messages.join('\n') : String(err));
    process.exitCode = 1;
  });
