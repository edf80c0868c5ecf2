// The format names alone, so the command line can list them without loading the parsers and writers.

/** The formats `flashdeck import` reads. */
export const IMPORT_FORMATS = ['brainscape', 'csv', 'tsv', 'anki'] as const;
/** One of IMPORT_FORMATS. */
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The formats `flashdeck export` writes. */
export const EXPORT_FORMATS = ['csv', 'tsv', 'anki'] as const;
/** One of EXPORT_FORMATS. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
