import { build } from 'esbuild';

const entry = process.argv[2];
const ext = process.argv[3] ? process.argv[3].split(',') : [];
const r = await build({
  entryPoints: [entry],
  bundle: true,
  write: false,
  minify: true,
  format: 'esm',
  platform: 'node',
  target: 'node24',
  metafile: true,
  mainFields: ['module', 'main'],
  external: ext,
  outfile: '/tmp/x.mjs',
  banner: {
    js: "import { createRequire } from 'node:module';const require = createRequire(import.meta.url);",
  },
});
const out = Object.values(r.metafile.outputs)[0];
const byPkg = {};
for (const [p, i] of Object.entries(out.inputs)) {
  const m = p.match(/node_modules\/((@[^/]+\/)?[^/]+)/);
  const k = m ? m[1] : 'src';
  byPkg[k] = (byPkg[k] || 0) + i.bytesInOutput;
}
console.log('total', out.bytes);
console.log(
  Object.entries(byPkg)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([k, v]) => `${(v / 1024).toFixed(0).padStart(5)} KB ${k}`)
    .join('\n'),
);
