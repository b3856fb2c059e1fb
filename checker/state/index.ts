/**
 * The public state schema: declare a state's shape once and get the packed
 * layout, a typed handle, the plain, view and ITF forms, symmetry reduction
 * and, with `defineModel`, a whole model from action families.
 */
export { array, bool, enumeration, index, int, map, range, record, set } from "./schema.js";
export type {
  ArrayType,
  BoolType,
  CompositeArrayView,
  CompositeKeys,
  EnumType,
  Fields,
  Handle,
  IndexRange,
  IndexType,
  IntType,
  Plain,
  PlainState,
  RecordType,
  RecordView,
  ScalarArrayView,
  ScalarKeys,
  ScalarType,
  SetType,
  SetView,
  StateWords,
  Type,
  Value,
  View,
} from "./schema.js";
export { declareState, type StateType } from "./declare.js";
export { defineModel, type ActionFamily, type FamilyAction, type Indices, type ModelDeclaration, type SchemaModel } from "./define.js";
export { defineFamily, type FamilyDeclaration } from "./family.js";
