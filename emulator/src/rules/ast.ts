/**
 * Syntax tree of Firestore security rules (rules_version 2). Every node keeps
 * its source line and column for error reports and denial messages.
 */

export interface Position {
  line: number;
  column: number;
}

export type Expr =
  | { kind: 'literal'; value: unknown; pos: Position }
  | { kind: 'ident'; name: string; pos: Position }
  | { kind: 'list'; items: Expr[]; pos: Position }
  | { kind: 'map'; entries: { key: Expr; value: Expr }[]; pos: Position }
  | { kind: 'path'; parts: PathPart[][]; pos: Position }
  | { kind: 'member'; object: Expr; name: string; pos: Position }
  | { kind: 'index'; object: Expr; index: Expr; pos: Position }
  | { kind: 'range'; object: Expr; from: Expr; to: Expr; pos: Position }
  | { kind: 'call'; callee: Expr; args: Expr[]; pos: Position }
  | { kind: 'unary'; op: '!' | '-'; operand: Expr; pos: Position }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr; pos: Position }
  | { kind: 'is'; operand: Expr; type: string; pos: Position }
  | { kind: 'conditional'; test: Expr; then: Expr; otherwise: Expr; pos: Position };

export type BinaryOp =
  '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | '+' | '-' | '*' | '/' | '%';

/** A piece of a path literal segment: text, or `$(expr)` interpolation. */
export type PathPart = { text: string } | { expr: Expr };

export interface FunctionDecl {
  name: string;
  params: string[];
  lets: { name: string; value: Expr }[];
  body: Expr;
  pos: Position;
}

/** A path pattern segment of a match block. */
export type PatternSegment =
  | { kind: 'literal'; text: string }
  | { kind: 'wildcard'; name: string }
  | { kind: 'recursive'; name: string };

export type Method = 'get' | 'list' | 'create' | 'update' | 'delete';

export interface AllowDecl {
  methods: Method[];
  condition: Expr | undefined;
  pos: Position;
}

export interface MatchBlock {
  pattern: PatternSegment[];
  functions: FunctionDecl[];
  allows: AllowDecl[];
  matches: MatchBlock[];
  pos: Position;
}

export interface RulesFile {
  version: string;
  service: string;
  functions: FunctionDecl[];
  matches: MatchBlock[];
}
