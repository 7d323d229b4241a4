/**
 * The source scan behind engine-purity.test.ts: parses one TypeScript file (with the compiler,
 * so comments and strings never count) and lists what would tie it to a platform: imports of
 * UI libraries or Node built-ins, imports across package boundaries, and the wall clock, real
 * timers, Math.random or browser globals. Each finding names its line.
 */
import { builtinModules } from 'node:module';
import ts from 'typescript';

export interface Finding {
  line: number;
  what: string;
}

export interface ScanRules {
  /** Module ids (bare specifiers) the file may not import; a trailing '*' matches any suffix. */
  forbiddenModules: readonly string[];
  /** Resolved-path prefixes (relative to the repo, e.g. 'src/ui/') the file may not import. */
  forbiddenDirs: readonly string[];
  /** Check for Math.random, Date.now, timers and browser globals. */
  platformGlobals: boolean;
}

const NODE_BUILTINS: ReadonlySet<string> = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

export const UI_LIBRARIES = ['react', 'react/*', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'd3', 'd3-*', 'motion', 'motion/*', 'framer-motion', 'framer-motion/*'];

/** Calls and properties that read the wall clock or real chance. */
const FORBIDDEN_MEMBERS: ReadonlyMap<string, readonly string[]> = new Map([
  ['Math', ['random']],
  ['Date', ['now']],
  ['performance', ['now']],
]);

/** Globals the engine must not touch: real timers, the browser, the Node process. */
const FORBIDDEN_GLOBALS: ReadonlySet<string> = new Set([
  'setTimeout', 'setInterval', 'setImmediate', 'requestAnimationFrame', 'queueMicrotask',
  'window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'process', 'require',
]);

function matches(spec: string, pattern: string): boolean {
  return pattern.endsWith('*') ? spec.startsWith(pattern.slice(0, -1)) : spec === pattern;
}

/** `spec` as a repo-relative path when it is relative, else undefined. */
function resolveRelative(fromFile: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const parts = fromFile.split('/').slice(0, -1);
  for (const seg of spec.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

function importProblem(file: string, spec: string, rules: ScanRules): string | undefined {
  if (NODE_BUILTINS.has(spec) || spec.startsWith('node:')) return `imports the Node built-in "${spec}"`;
  if (rules.forbiddenModules.some((p) => matches(spec, p))) return `imports "${spec}"`;
  const resolved = resolveRelative(file, spec);
  const dir = resolved === undefined ? undefined : rules.forbiddenDirs.find((d) => `${resolved}/`.startsWith(d));
  return dir === undefined ? undefined : `imports "${spec}" from ${dir}`;
}

/** True when `id` is a reference to a variable, not a property name or a declaration's own name. */
function isReference(id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isPropertyAccessExpression(p) && p.name === id) return false;
  if ((ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isPropertySignature(p) || ts.isMethodDeclaration(p) || ts.isMethodSignature(p)) && p.name === id) return false;
  if (ts.isQualifiedName(p) && p.right === id) return false;
  if (ts.isImportSpecifier(p) || ts.isExportSpecifier(p)) return false;
  return true;
}

function moduleSpecifierOf(node: ts.Node): ts.Expression | undefined {
  if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return node.moduleSpecifier;
  if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) return node.moduleReference.expression;
  if (ts.isCallExpression(node)) {
    const callee = node.expression;
    const dynamic = callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require');
    if (dynamic) return node.arguments[0];
  }
  if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) return node.argument.literal as ts.Expression;
  return undefined;
}

/** Everything in `text` (the file at repo-relative `file`) that breaks `rules`. */
export function scanSource(file: string, text: string, rules: ScanRules): Finding[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const findings: Finding[] = [];
  const at = (node: ts.Node, what: string): void => {
    findings.push({ line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, what });
  };
  const visit = (node: ts.Node): void => {
    const spec = moduleSpecifierOf(node);
    if (spec !== undefined) {
      if (ts.isStringLiteralLike(spec)) {
        const problem = importProblem(file, spec.text, rules);
        if (problem !== undefined) at(node, problem);
      } else {
        at(node, 'imports a module named by an expression (cannot be checked)');
      }
    }
    if (rules.platformGlobals) {
      if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
        const members = FORBIDDEN_MEMBERS.get(node.expression.text);
        if (members?.includes(node.name.text)) at(node, `uses ${node.expression.text}.${node.name.text}`);
      }
      if (ts.isIdentifier(node) && FORBIDDEN_GLOBALS.has(node.text) && isReference(node)) at(node, `uses the global ${node.text}`);
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Date' && !node.arguments?.length) {
        at(node, 'reads the wall clock (new Date())');
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return findings;
}
