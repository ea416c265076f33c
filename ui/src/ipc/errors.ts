// Turns whatever a failed call threw into an IpcError, so callers branch on `kind` only.
import type { IpcError } from "./bindings/IpcError";

export function isIpcError(value: unknown): value is IpcError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as IpcError).kind === "string" &&
    typeof (value as IpcError).message === "string"
  );
}

export function asIpcError(value: unknown): IpcError {
  if (isIpcError(value)) {
    return { kind: value.kind, message: value.message, field: value.field ?? null, problem: value.problem ?? null };
  }
  // Tauri itself rejects with a plain string when arguments do not deserialize, and a missing
  // backend (a plain browser) throws a TypeError: both are bugs, not user mistakes.
  const message = value instanceof Error ? value.message : String(value);
  return { kind: "internal", message, field: null, problem: null };
}
