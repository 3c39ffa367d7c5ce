/**
 * Builds a module-level value — a zod schema, an operation of the API — so that esbuild may leave
 * it out of a bundle that never uses it (issue 13, cold starts). zod's builders are not marked free
 * of side effects, so every function used to construct every schema of every module it imported:
 * the whole API for a health check. Each call is written `/* @__PURE__ *\/ treeShakeable(() => …)`:
 * esbuild drops an annotated call whose result is unused, and the arrow it is given has no effect
 * until called, so each function now builds only the schemas of its own operation. (esbuild honours
 * `@__NO_SIDE_EFFECTS__` on this declaration only within this file, hence the annotation at every
 * call.) Outside a bundle (tests, the local runtime) it is a plain call.
 *
 * What is built here must not rely on side effects: a schema's `.meta({ id })` registration only
 * matters to the OpenAPI document, whose function uses every operation
 * (test/unit/tree-shaking.test.ts compares its bundled document with the unbundled one).
 */
export function treeShakeable<T>(build: () => T): T {
  return build();
}
