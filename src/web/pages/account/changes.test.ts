import { describe, expect, it } from "vitest";
import { changedFields, displayValue } from "./changes";

describe("changedFields", () => {
  it("lists only the fields whose values differ, before → after", () => {
    expect(changedFields({ id: "t1", value: 2, version: 1 }, { id: "t1", value: 3, version: 2 })).toEqual([
      { field: "value", before: 2, after: 3 },
      { field: "version", before: 1, after: 2 },
    ]);
  });

  it("lists every field of a created record and of a deleted one", () => {
    expect(changedFields(null, { id: "u1", email: "a@b.org" })).toEqual([
      { field: "id", before: null, after: "u1" },
      { field: "email", before: null, after: "a@b.org" },
    ]);
    expect(changedFields({ id: "u1" }, null)).toEqual([{ field: "id", before: "u1", after: null }]);
  });

  it("compares nested values by content and treats a missing field as null", () => {
    expect(changedFields({ roles: [{ role: "city_editor" }], note: null }, { roles: [{ role: "city_editor" }] })).toEqual([]);
  });

  it("compares values that are not records as one field", () => {
    expect(changedFields(null, [1, 2])).toEqual([{ field: "value", before: null, after: [1, 2] }]);
  });
});

describe("displayValue", () => {
  it("shows empty values as null, JSON text compactly and long text cut with an ellipsis", () => {
    expect(displayValue(null)).toBeNull();
    expect(displayValue("")).toBeNull();
    expect(displayValue('{ "en": "Shanghai" }')).toBe('{"en":"Shanghai"}');
    expect(displayValue({ a: 1 })).toBe('{"a":1}');
    expect(displayValue(12.5)).toBe("12.5");
    expect(displayValue("x".repeat(10), 5)).toBe("xxxx…");
  });
});
