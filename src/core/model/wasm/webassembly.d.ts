// The part of the WebAssembly JS API the kernel host uses. Node has it at run time, but the project
// compiles against lib ES2022 without the DOM typings that normally declare it.
declare namespace WebAssembly {
  class Module {
    constructor(bytes: Uint8Array);
  }
  class Instance {
    constructor(module: Module, imports?: Record<string, Record<string, unknown>>);
    readonly exports: Record<string, unknown>;
  }
  class Memory {
    constructor(descriptor: { initial: number; maximum?: number });
    readonly buffer: ArrayBuffer;
    grow(delta: number): number;
  }
  /** What a trap (unreachable, an out-of-bounds access) throws. */
  class RuntimeError extends Error {}
}
