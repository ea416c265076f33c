import { describe, expect, it } from "vitest";
import { asIpcError } from "./errors";

describe("asIpcError", () => {
  it("keeps a typed error from the backend as it is", () => {
    const e = asIpcError({ kind: "invalid_input", message: "title: required", field: "title", problem: "required" });
    expect(e).toEqual({ kind: "invalid_input", message: "title: required", field: "title", problem: "required" });
  });

  it("turns a plain string rejection into an internal error that keeps the text", () => {
    const e = asIpcError("invalid args `id` for command `get_entry`");
    expect(e.kind).toBe("internal");
    expect(e.message).toContain("get_entry");
  });

  it("turns a thrown Error into an internal error", () => {
    expect(asIpcError(new TypeError("window.__TAURI_INTERNALS__ is undefined")).kind).toBe("internal");
  });
});
