// Every npm script must run on the project's own Node 24 (the `node` devDependency), not the
// machine's. Prints the version, and stops the run when it is anything else.
const major = Number(process.versions.node.split('.')[0]);
console.log(`node ${process.version}`);
if (major !== 24) {
  console.error(
    `Buurtsignaal needs Node 24 (Lambda nodejs24.x); this is ${process.version}. Run it through npm scripts.`,
  );
  process.exit(1);
}
