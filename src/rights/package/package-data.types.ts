import { z } from "zod";

/** Limits of one posting of data for a package, and of a request's whole package. */
export const PACKAGE_LIMITS = {
  /** Records in one posting. */
  maxRecords: 10_000,
  /** Keys of one record (its columns in the CSV). */
  maxKeys: 500,
  /** Bytes of one posting's records, as JSON. */
  maxBytes: 4 * 1024 * 1024,
  /** Bytes of every data posting and staff file of one request together. */
  maxTotalBytes: 64 * 1024 * 1024,
} as const;

const NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/;
const NAME_RULE =
  "must be 1-63 characters: lower-case letters, digits, '_' or '-', starting with a letter or digit";

/** A source system's name ("crm", "billing"): it names files in the zip, so it is kept to safe characters. */
export const SourceName = z
  .string()
  .regex(NAME, NAME_RULE)
  .describe("The system the records come from, e.g. crm");

/** A kind of record of a source ("customer", "order"): one CSV file each. */
export const RecordType = z
  .string()
  .regex(NAME, NAME_RULE)
  .describe("The kind of record, e.g. order: one CSV per kind");

const DataRecordSchema = z
  .record(z.string().min(1).max(200), z.json())
  .refine((r) => Object.keys(r).length <= PACKAGE_LIMITS.maxKeys, {
    message: `at most ${PACKAGE_LIMITS.maxKeys} keys per record`,
  });

/** What the organisation's systems post (and, later, what automated collection hands over). */
export const PackageDataInput = z
  .object({
    source: SourceName,
    recordType: RecordType.default("records"),
    records: z
      .array(DataRecordSchema)
      .min(1, "must hold at least one record")
      .max(PACKAGE_LIMITS.maxRecords, `must hold at most ${PACKAGE_LIMITS.maxRecords} records`),
  })
  .strict();
export type PackageDataInput = z.input<typeof PackageDataInput>;

/**
 * A stored posting, as sealed in its attachment. `seq` numbers the request's postings in arrival order (taken
 * under the request's lock): two postings in the same millisecond keep their order in the package.
 */
export type StoredPackageData = {
  seq: number;
  source: string;
  recordType: string;
  records: Record<string, unknown>[];
};
