/** The seeded demo-data generator, offered to hosts and the CLI through the api layer. */
export { writeDemoFiles } from '../../imports/demo/write-demo-files.ts';
