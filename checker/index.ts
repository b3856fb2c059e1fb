/**
 * dnsmc's public API: the model interface, the property constructors, and
 * `check`. Everything here is generic; nothing knows about DNS.
 */
export type { Model, ModelOrigin, PackedOps, StateView, Diagram, DiagramMessage } from "./model.js";
export * from "./state/index.js";
export { always, step, sometimes, recoverable, eventually, leadsTo, convergesTo, isProperty } from "./property.js";
export { weakFairness, strongFairness, type Fairness } from "./fairness.js";
export { deadlockFree, DEADLOCK } from "./deadlock.js";
export type { History, Property, PropertyKind, AlwaysProperty, StepProperty, SometimesProperty, RecoverableProperty, EventuallyProperty, LeadsToProperty, ConvergesToProperty, TemporalProperty, AlwaysOptions, StepOptions, PropertyInfo } from "./property.js";
export { check, checkSync, type CheckOptions } from "./check.js";
export type { Progress } from "./search/limits.js";
export type { SearchPlan } from "./search/plan.js";
export type { Strategy } from "./search/frontier.js";
export { WorkerPool, type WorkerSource } from "./search/levels/worker-pool.js";
export { WORKER_MODEL, workerModel, type WorkerModelSpec } from "./worker-model.js";
export type { CheckResult, CheckStatus, PropertyResult, Verdict, Trace, TraceNote, TraceStep, FairnessNote, StopReason, ModelError } from "./result.js";
export type { ModelModule, ModelFamily, Parameter, Variant } from "./family.js";
export { itfSet, itfMap, itfTup, itfVariant, toItfValue } from "./itf/write.js";
export { ImplementationUnavailable, type Implementation, type ImplementationSession, type ItfAction, type Observation } from "./conform/implementation.js";
