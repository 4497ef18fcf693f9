import { describe, expect, it } from "vitest";
import { AppError } from "../../errors.ts";
import type { HttpClient } from "../http.ts";
import { type JsonApiResource, relatedFiles } from "./jsonapi-files.ts";

const site = "https://chm.example.org/en";

/** Answers `json()` from a table of URL → body; anything else is a 404 like the real client's. */
function fakeHttp(bodies: Record<string, unknown>, errors: Record<string, AppError> = {}) {
  const asked: string[] = [];
  const http: HttpClient = {
    async json<T>(url: string) {
      asked.push(url);
      if (errors[url]) throw errors[url];
      if (!(url in bodies)) throw new AppError("not_found", `GET ${url} answered HTTP 404`);
      return bodies[url] as T;
    },
    bytes: () => Promise.reject(new Error("not used")),
  };
  return { http, asked };
}

const file = (id: string, filename: string, filemime = "application/pdf"): JsonApiResource => ({
  type: "file--file",
  id,
  attributes: { filename, filemime, uri: { value: `public://${filename}`, url: `/sites/default/files/${filename}` } },
});

const nodeWith = (relationships: JsonApiResource["relationships"]): JsonApiResource => ({
  type: "node--content",
  id: "n1",
  relationships,
});

describe("relatedFiles", () => {
  it("takes a file--file from included without a request, absolute on the site's host", async () => {
    const { http, asked } = fakeHttp({});
    const node = nodeWith({
      field_attachments: {
        data: [{ type: "file--file", id: "f1", meta: { description: "" } }],
        links: { related: { href: `${site}/jsonapi/node/content/n1/field_attachments` } },
      },
    });
    const files = await relatedFiles(http, node, { site, included: [file("f1", "nbsap.pdf")], max: 5 });
    expect(files).toEqual([
      { ok: true, value: { url: "https://chm.example.org/sites/default/files/nbsap.pdf", name: "nbsap.pdf" } },
    ]);
    expect(asked).toEqual([]);
  });

  it("follows a media--document to its file through related links, never its thumbnail", async () => {
    const media: JsonApiResource = {
      type: "media--document",
      id: "m1",
      relationships: {
        thumbnail: { data: { type: "file--file", id: "icon" } },
        field_media_document: {
          data: { type: "file--file", id: "f2" },
          links: { related: `${site}/jsonapi/media/document/m1/field_media_document` },
        },
      },
    };
    const { http, asked } = fakeHttp({
      [`${site}/jsonapi/node/content/n1/field_media`]: { data: [media] },
      [`${site}/jsonapi/media/document/m1/field_media_document`]: { data: file("f2", "report.docx", "x/docx") },
    });
    const node = nodeWith({
      field_media: {
        data: [{ type: "media--document", id: "m1" }],
        links: { related: { href: `${site}/jsonapi/node/content/n1/field_media` } },
      },
    });
    const files = await relatedFiles(http, node, { site, included: [], max: 5 });
    expect(files.map((f) => f.value.name)).toEqual(["report.docx"]);
    expect(asked).toHaveLength(2);
  });

  it("falls back to the individual resource, and reports a 404 target without failing the others", async () => {
    const { http, asked } = fakeHttp({ [`${site}/jsonapi/file/file/f3`]: { data: file("f3", "plan.pdf") } });
    const node = nodeWith({
      field_files: {
        data: [
          { type: "file--file", id: "gone" },
          { type: "file--file", id: "f3" },
        ],
      },
    });
    const files = await relatedFiles(http, node, { site, included: [], max: 5 });
    expect(files[0]).toMatchObject({
      ok: false,
      value: { url: `${site}/jsonapi/file/file/gone`, name: "field_files gone" },
      error: { code: "not_found" },
    });
    expect(files[1]).toMatchObject({ ok: true, value: { name: "plan.pdf" } });
    expect(asked).toEqual([`${site}/jsonapi/file/file/gone`, `${site}/jsonapi/file/file/f3`]);
  });

  it("throws a transient failure so the record is tried again next harvest", async () => {
    const url = `${site}/jsonapi/file/file/f4`;
    const { http } = fakeHttp({}, { [url]: new AppError("upstream_failed", "HTTP 503", { transient: true }) });
    const node = nodeWith({ field_files: { data: { type: "file--file", id: "f4" } } });
    await expect(relatedFiles(http, node, { site, included: [], max: 5 })).rejects.toMatchObject({
      code: "upstream_failed",
    });
  });

  it("skips images, missing references, other entity types and known URLs, and stops at max", async () => {
    const { http, asked } = fakeHttp({});
    const node = nodeWith({
      uid: { data: { type: "user--user", id: "u1" } },
      field_image: { data: { type: "file--file", id: "img", meta: { alt: "", width: 640, height: 480 } } },
      field_logo: { data: { type: "file--file", id: "logo" } },
      field_gone: { data: { type: "unknown", id: "missing" } },
      field_photo: { data: { type: "media--image", id: "mi" } },
      field_attachments: {
        data: ["a", "b", "c", "d"].map((id) => ({ type: "file--file", id })),
      },
    });
    const included = [
      file("logo", "logo.png", "image/png"),
      ...["a", "b", "c", "d"].map((id) => file(id, `${id}.pdf`)),
    ];
    const exclude = new Set(["https://chm.example.org/sites/default/files/a.pdf"]);
    const files = await relatedFiles(http, node, { site, included, max: 2, exclude });
    expect(files.map((f) => f.value.name)).toEqual(["b.pdf", "c.pdf"]);
    expect(asked).toEqual([]);
  });
});
