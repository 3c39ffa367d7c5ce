import { defineConfig } from 'vite';

// The web app for teams and partners (issue 5): Preact, built by Vite into web/dist. `npm start`
// serves the build at `/`; the CDK stack puts it on S3 behind CloudFront.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', reportCompressedSize: true },
});
