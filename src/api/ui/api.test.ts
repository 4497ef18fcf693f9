// The page's error text: the API's validation details ({ path: "country", message }) must become
// a readable sentence; a throw here would leave "Uploading…" / "Searching…" on screen forever.
import { describe, expect, it } from "vitest";
import { ApiError, describeError } from "./api.js";

describe("describeError", () => {
  it("names each invalid field from the API's validation details (path is a dotted string)", () => {
    const err = new ApiError(400, "validation_failed", "Invalid request form", [
      { path: "country", message: "Expected an ISO 3166 alpha-2 code" },
      { path: "filters.from", message: "Invalid date" },
    ]);
    expect(describeError(err)).toBe(
      "Invalid request form (country: Expected an ISO 3166 alpha-2 code; filters.from: Invalid date)",
    );
  });

  it("still reads zod-style array paths and a detail without a path", () => {
    const err = new ApiError(400, "validation_failed", "Bad", [{ path: ["a", 0], message: "x" }, { message: "y" }]);
    expect(describeError(err)).toBe("Bad (a.0: x; input: y)");
  });

  it("adds what to do for 401, 403 and 429", () => {
    expect(describeError(new ApiError(401, "unauthorized", "No key."))).toContain("Set an API key");
    expect(describeError(new ApiError(403, "forbidden", "No."))).toContain("not allowed");
    expect(describeError(new ApiError(429, "rate_limited", "Slow."))).toContain("Wait a moment");
  });
});
