import { z } from "@hono/zod-openapi";
import type { DocumentStore, SubmissionRecord } from "../../store/types.ts";
import type { Principal } from "../types.ts";

export const SubmissionSchema = z
  .object({
    /** The submitter's key id; shown to the secretariat and to the submitter themself. */
    submittedBy: z.string().nullable(),
    submittedAt: z.string(),
    title: z.string().optional(),
    filename: z.string().optional(),
    country: z.string().optional(),
    recordType: z.string().optional(),
    /** The language the submitter declared (the detected one is the document's `language`). */
    language: z.string().optional(),
    sourceUrl: z.string().optional(),
  })
  .openapi("Submission");

export type SubmissionView = z.infer<typeof SubmissionSchema>;

function submissionView(s: SubmissionRecord): SubmissionView {
  const { title, filename, country, recordType, declaredLanguage, sourceUrl } = s;
  return {
    submittedBy: s.submittedBy ?? null,
    submittedAt: s.submittedAt,
    ...(title !== undefined ? { title } : {}),
    ...(filename !== undefined ? { filename } : {}),
    ...(country !== undefined ? { country } : {}),
    ...(recordType !== undefined ? { recordType } : {}),
    ...(declaredLanguage !== undefined ? { language: declaredLanguage } : {}),
    ...(sourceUrl !== undefined ? { sourceUrl } : {}),
  };
}

/**
 * The submissions of a document the caller may see: all of them for the secretariat, a
 * submitter's own (under any of their key ids), none for anonymous public reads.
 */
export async function visibleSubmissions(
  store: DocumentStore,
  documentId: string,
  principal: Principal | undefined,
): Promise<SubmissionView[]> {
  if (!principal) return [];
  const all = await store.submissions.submissionsOf(documentId);
  const ids = new Set([principal.fingerprint, ...(principal.aliases ?? [])]);
  const mine = principal.role === "secretariat" ? all : all.filter((s) => s.submittedBy && ids.has(s.submittedBy));
  return mine.map(submissionView);
}
