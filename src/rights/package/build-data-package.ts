import { createHash } from "node:crypto";
import { strToU8, zipSync } from "fflate";
import {
  type Block,
  type GardienDocument,
  type Lang,
  list,
  paragraph,
  type Section,
  section,
} from "../../documents/document-model.ts";
import { letterHtml } from "../letters/render-letter.ts";
import type { PackageContent, PackageSource } from "./collect-package-content.ts";
import { packageLabelsFor } from "./package-labels.ts";
import { csvColumns, type JsonValue, toCsv } from "./to-csv.ts";

export type ManifestFile = {
  path: string;
  mediaType: string;
  size: number;
  sha256: string;
  source?: string;
  recordType?: string;
  records?: number;
};

/** `manifest.json`: what the zip holds, with each file's SHA-256, so the person can check nothing was altered. */
export type PackageManifest = {
  format: "gardien-data-package";
  version: 1;
  request: string;
  organisation: { slug: string; name: string };
  lang: Lang;
  generatedAt: string;
  files: ManifestFile[];
};

export type DataPackage = { zip: Uint8Array; manifest: PackageManifest; htmlName: string; html: string };

export type BuildDataPackageInput = {
  reference: string;
  lang: Lang;
  /** ISO 8601 UTC; also the modification time of every entry (the same inputs give the same bytes). */
  generatedAt: string;
  /** The answer letter, whose readable copy the package carries with the data in tables. */
  letter: GardienDocument;
  content: PackageContent;
};

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** A cell of the readable copy: the value as text (nested values as JSON); the renderer escapes it. */
function htmlCell(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

function sourceSection(source: PackageSource, lang: Lang): Section {
  const p = packageLabelsFor(lang);
  const tables: Block[] = source.types.map((type) => {
    const columns = csvColumns(type.records);
    return {
      type: "table",
      caption: p.recordsCaption(source.source, type.recordType, type.records.length),
      head: columns,
      rows: type.records.map((r) => columns.map((c) => htmlCell(r[c]))),
      rowHeader: false,
    };
  });
  return section(`data-${source.source}`, source.source, tables);
}

/** The letter with a "your data" section after its own sections on the copy, before the remedies. */
function readableCopy(input: BuildDataPackageInput, fileNames: readonly string[]): GardienDocument {
  const p = packageLabelsFor(input.lang);
  const blocks: Block[] = [paragraph(input.content.sources.length ? p.dataIntro : p.noData)];
  const children = input.content.sources.map((s) => sourceSection(s, input.lang));
  if (fileNames.length) {
    children.push(section("data-files", p.filesTitle, [paragraph(p.filesIntro), list(fileNames)]));
  }
  const data = section("data", p.dataTitle, blocks, children);
  const at = input.letter.sections.findIndex((s) => s.id === "remedies");
  const sections = [...input.letter.sections];
  sections.splice(at < 0 ? sections.length : at, 0, data);
  return { ...input.letter, sections };
}

/** A staff file's name as a zip entry: its last path part, safe characters only, never hidden, never twice. */
function entryName(name: string, taken: Set<string>): string {
  const base =
    (name.split(/[\\/]/).pop() ?? "")
      .replace(/[^\p{L}\p{N}._ -]/gu, "_")
      .replace(/^\.+/, "")
      .slice(0, 120) || "file";
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const dot = base.lastIndexOf(".");
    candidate = dot > 0 ? `${base.slice(0, dot)}-${n}${base.slice(dot)}` : `${base}-${n}`;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/**
 * The data package of an access (Art. 15(3)) or portability (Art. 20(1)) answer, as one zip:
 * - `data/<source>.json`: every record of a source by record type, exactly as posted;
 * - `data/<source>/<type>.csv`: one CSV per record type, UTF-8 with a byte order mark, RFC 4180;
 * - `files/…`: the files staff attached;
 * - a readable HTML copy (the letter and the data in tables, every value escaped, no script);
 * - `manifest.json`: the request reference, the generation time, and each file's size and SHA-256.
 *
 * @example unzipSync(buildDataPackage(input).zip)["manifest.json"]
 */
export function buildDataPackage(input: BuildDataPackageInput): DataPackage {
  const p = packageLabelsFor(input.lang);
  const entries: Record<string, Uint8Array> = {};
  const files: ManifestFile[] = [];
  const add = (path: string, bytes: Uint8Array, mediaType: string, extra: Partial<ManifestFile> = {}) => {
    entries[path] = bytes;
    files.push({ path, mediaType, size: bytes.length, sha256: sha256(bytes), ...extra });
  };
  for (const source of input.content.sources) {
    const json = {
      source: source.source,
      types: Object.fromEntries(source.types.map((t) => [t.recordType, t.records])),
    };
    add(`data/${source.source}.json`, strToU8(`${JSON.stringify(json, null, 2)}\n`), "application/json", {
      source: source.source,
      records: source.types.reduce((n, t) => n + t.records.length, 0),
    });
    for (const type of source.types) {
      add(`data/${source.source}/${type.recordType}.csv`, strToU8(toCsv(type.records)), "text/csv", {
        source: source.source,
        recordType: type.recordType,
        records: type.records.length,
      });
    }
  }
  const taken = new Set<string>();
  const fileNames: string[] = [];
  for (const file of input.content.files) {
    const name = entryName(file.name, taken);
    fileNames.push(name);
    add(`files/${name}`, new Uint8Array(file.content), file.mediaType);
  }
  const html = letterHtml(readableCopy(input, fileNames));
  add(p.htmlName, strToU8(html), "text/html");
  const manifest: PackageManifest = {
    format: "gardien-data-package",
    version: 1,
    request: input.reference,
    organisation: input.letter.organisation,
    lang: input.lang,
    generatedAt: input.generatedAt,
    files,
  };
  entries["manifest.json"] = strToU8(`${JSON.stringify(manifest, null, 2)}\n`);
  const zip = zipSync(entries, { level: 6, mtime: new Date(input.generatedAt) });
  return { zip, manifest, htmlName: p.htmlName, html };
}
