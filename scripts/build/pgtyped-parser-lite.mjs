// Stands in for @pgtyped/parser inside the compiled bundle (scripts/build.mjs). @pgtyped/runtime's
// PreparedQuery, which every compiled query in src/queries uses, needs only these two enums and `assert`
// from the parser; the real parser module also loads antlr4ts and builds two grammars at import, which
// cost more start-up time than the rest of traq-admin. The values are copied from @pgtyped/parser 2.x
// (lib/loader/sql/index.js and lib/loader/typescript/query.js).
export const TransformType = {
  Scalar: 'scalar',
  PickTuple: 'pick_tuple',
  ArraySpread: 'array_spread',
  PickArraySpread: 'pick_array_spread',
};
export const ParamType = { Scalar: 'scalar', Object: 'object', ScalarArray: 'scalar_array', ObjectArray: 'object_array' };
export function assert(condition) {
  if (!condition) throw new Error('Assertion Failed');
}
/** The sql`` tag parses TypeScript-embedded queries at run time; this codebase uses only .sql query files. */
export function parseTSQuery() {
  throw new Error('sql`` tagged queries are not available in the compiled build: write the query in queries/*.sql');
}
