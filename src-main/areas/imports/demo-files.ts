/** The seeded demo-data generator, offered to hosts and the CLI through the api layer. */
import type { writeDemoFiles as WriteDemoFiles } from '../../imports/demo/write-demo-files.ts';

/** Loaded when first used: the generator pulls in exceljs (~0.6 s of CPU) the host's start need not wait for (issue 19). */
export const writeDemoFiles: typeof WriteDemoFiles = async (options) =>
  (await import('../../imports/demo/write-demo-files.ts')).writeDemoFiles(options);
