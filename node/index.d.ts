/// <reference types="node" />
// Types of unchaff for Node.js (index.js over the native addon).

/** The options of `extract`, as the command line's flags. */
export interface ExtractOptions {
  /**
   * The page's address: relative links resolve against it, and it outranks the page's own in
   * `url` (`--url`).
   */
  url?: string | null;
  /** The HTTP `Content-Type` the page came with, whose charset decodes a Buffer (bytes only). */
  contentType?: string | null;
  /** Open the article with its title (default true; `--no-title` turns it off). */
  includeTitle?: boolean | null;
  /** Keep the article's images in the Markdown and HTML (default false; `--images`). */
  images?: boolean | null;
  /** Also give the page's comment thread, apart from the article (default false; `--comments`). */
  comments?: boolean | null;
}

/** Blocks and characters kept and removed. */
export interface Stats {
  /** Blocks of the article (the title and rules not counted). */
  blocks: number;
  /** Characters of the article's text. */
  chars: number;
  /** Blocks of the page's visible text that were removed. */
  removedBlocks: number;
  /** Their characters. */
  removedChars: number;
}

/** What `toJSON` adds, as the command line's `--with markdown,html` and `--explain`. */
export interface RecordOptions {
  markdown?: boolean;
  html?: boolean;
  explain?: boolean;
}

/** A block of the page's visible text in `toJSON({ explain: true })`. */
export interface ExplainedBlock {
  text: string;
  kept: boolean;
  stage?: "prune" | "select" | "filter" | "dedup";
  reason?: { kind: string; [key: string]: unknown };
}

/** The command line's `--format json` object (without `path`), with its keys. */
export interface ExtractionRecord {
  url: string | null;
  canonical_url: string | null;
  title: string | null;
  authors: string[];
  byline: string | null;
  date: string | null;
  site_name: string | null;
  language: string | null;
  description: string | null;
  image: string | null;
  tags: string[];
  text: string;
  comments?: string;
  markdown?: string;
  html?: string;
  stats: { blocks: number; chars: number; removed_blocks: number; removed_chars: number };
  explain?: ExplainedBlock[];
  [key: string]: unknown;
}

/** The article of one page, its metadata and how much was removed. */
export declare class Extraction {
  private constructor();
  /** The article as plain text. */
  get text(): string;
  /** The page's title: its headline, or `<title>` without the site name. */
  get title(): string | null;
  get authors(): string[];
  get byline(): string | null;
  /** The date the page declares, as it declares it (often ISO 8601). */
  get date(): string | null;
  get siteName(): string | null;
  get language(): string | null;
  get description(): string | null;
  get image(): string | null;
  get tags(): string[];
  /** The page's address: the caller's `url`, else the one the page declares. */
  get url(): string | null;
  /** The address the page declares (`<link rel=canonical>`, `og:url`). */
  get canonicalUrl(): string | null;
  /** The name of the encoding the page was read in. */
  get encoding(): string;
  get stats(): Stats;
  /** The page's comments as plain text when `comments` was asked for ("" when none), else null. */
  get comments(): string | null;
  /** The article as Markdown (CommonMark with GFM tables); the comments, when asked for and found, under `# Comments`. */
  markdown(): string;
  /** The article as clean HTML: a fragment, or a whole document with `standalone`. */
  html(options?: { standalone?: boolean | null } | null): string;
  /** The command line's `--format json` object; JSON.stringify(extraction) gives it too. */
  toJSON(options?: RecordOptions | string | null): ExtractionRecord;
}

/** Why an input could not be read: thrown by `extract` and `extractAsync`. */
export interface ExtractionError extends Error {
  /** "binary", "too_large", "internal" (a bug in unchaff) or "other". */
  kind: "binary" | "too_large" | "internal" | "other";
}

/**
 * Extracts the article from a page: a string, or bytes in any encoding (BOM, `contentType`'s
 * charset, `<meta charset>`, detection). `null` when the page has no article text; throws an
 * `ExtractionError` for an input that is not a page (binary data, too large), a `TypeError` for
 * arguments of the wrong type.
 */
export declare function extract(
  html: string | Buffer | Uint8Array | ArrayBuffer,
  options?: ExtractOptions | null,
): Extraction | null;

/** `extract` on libuv's thread pool: the event loop stays free, and pages extract in parallel. */
export declare function extractAsync(
  html: string | Buffer | Uint8Array | ArrayBuffer,
  options?: ExtractOptions | null,
): Promise<Extraction | null>;
