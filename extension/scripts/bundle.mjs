// A deliberately small bundler for the content scripts. Manifest content
// scripts cannot be ES modules, so each entry and the modules it imports are
// wrapped in function scopes inside one classic script. It supports exactly
// the module syntax this project uses: `import x from`, `import { a, b } from`
// with relative paths, and `export` before function/const/let/class
// declarations or `export default`. Anything else is an error, not a guess.

import { readFile } from 'node:fs/promises';
import path from 'node:path';

const IMPORT = /^import\s+(?:(\w+)|\{([^}]*)\})\s+from\s+'(\.{1,2}\/[^']+)';[ \t]*$/gm;
const EXPORT_DECL = /^export\s+(?:async\s+)?(function\*?|const|let|class)\s+([A-Za-z_$][\w$]*)/gm;

export async function bundle(entry, root) {
  const order = [];
  const ids = new Map();
  const visit = async (file, stack) => {
    if (ids.has(file)) return;
    if (stack.includes(file)) throw new Error(`import cycle: ${[...stack, file].join(' -> ')}`);
    const src = await readFile(file, 'utf8');
    const imports = [];
    const body = src.replace(IMPORT, (_, def, names, rel) => {
      imports.push({ def, names, file: path.resolve(path.dirname(file), rel) });
      return '';
    });
    if (/^\s*(import|export)\s*[{*]/m.test(body) || /^\s*import\s/m.test(body)) {
      throw new Error(`${file}: unsupported import/export form`);
    }
    for (const imp of imports) await visit(imp.file, [...stack, file]);
    ids.set(file, `__m${ids.size}`);
    order.push({ file, body, imports });
  };
  await visit(path.resolve(entry), []);

  const parts = [];
  for (const { file, body, imports } of order) {
    const names = [];
    let code = body.replace(EXPORT_DECL, (m, kind, name) => {
      names.push(name);
      return m.replace(/^export\s+/, '');
    });
    if (/^export default /m.test(code)) {
      code = code.replace(/^export default /m, 'const __default = ');
      names.push('default: __default');
    }
    if (/^export\b/m.test(code)) throw new Error(`${file}: unsupported export form`);
    const head = imports.map(({ def, names: list, file: dep }) => (def
      ? `const ${def} = ${ids.get(dep)}.default;`
      : `const { ${list.split(',').map((s) => s.trim()).filter(Boolean).join(', ')} } = ${ids.get(dep)};`));
    const rel = path.relative(root, file).split(path.sep).join('/');
    parts.push(`// ${rel}\nconst ${ids.get(file)} = (() => {\n${head.join('\n')}\n${code.trim()}\nreturn { ${names.join(', ')} };\n})();`);
  }
  return `// Built by scripts/build.mjs from the ES modules in content/ and lib/.\n(() => {\n'use strict';\n${parts.join('\n\n')}\n})();\n`;
}
