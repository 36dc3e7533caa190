/**
 * jsonc-parser through its ES module build: the package's default (UMD) entry loads its parts with
 * a dynamic require that esbuild cannot bundle ("Cannot find module './impl/format'").
 */
export * from 'jsonc-parser/lib/esm/main.js';
